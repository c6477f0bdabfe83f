/**
 * The escalation package to the second line (002 別紙3 1(2)③): refused while the sheet is
 * incomplete, made with or without a PDF printer, what it carries, and tracking the second line
 * from acknowledgement to closing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EscalationPackage } from '../../../shared/hearing-sheet';
import { testApp } from '../helpers';
import { auditOf, call, fakePrinter, readyInquiry, refusal } from './util';

describe('escalation package (002 別紙3 1(2)③)', () => {
  it('is refused while required answers are missing, and nothing changes', async () => {
    const app = testApp();
    const inquiryId = await readyInquiry(app);
    await call(app, 'desk.saveAnswers', {
      inquiryId,
      patch: { question: null, urgency: 'spreading' },
    });
    const e = await refusal(app, 'desk.escalate', { inquiryId, language: 'ja' });
    expect(e).toMatchObject({ code: 'invalid_input', message: 'desk:error.sheetIncomplete' });
    expect(e.issues?.map((i) => [i.path, i.message])).toEqual([
      ['question', 'desk:sheet.issue.required'],
      ['business-impact', 'desk:sheet.issue.required'],
    ]);
    expect((await call(app, 'desk.get', { inquiryId })).inquiry.status).toBe('open');
    expect(app.db.prepare('SELECT count(*) AS n FROM escalation_packages').get()).toEqual({ n: 0 });
  });

  it('without a PDF printer keeps the JSON and says why the PDF is missing', async () => {
    const app = testApp();
    const inquiryId = await readyInquiry(app);
    const r = await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
    expect(r).toMatchObject({
      pdf: false,
      pdfError: { code: 'unavailable', message: 'errors:pdf_unavailable' },
    });
    const json = await call(app, 'desk.packageFile', { packageId: r.packageId, part: 'json' });
    const bytes = readFileSync(app.ctx.files.get(json.fileId).path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
    expect((JSON.parse(bytes.toString('utf8')) as EscalationPackage).packageId).toBe(r.packageId);
    expect(
      await refusal(app, 'desk.packageFile', { packageId: r.packageId, part: 'pdf' }),
    ).toMatchObject({
      code: 'unavailable',
      message: 'errors:pdf_unavailable',
    });
    // Printed later, once a printer is there.
    fakePrinter(app);
    await call(app, 'desk.printPackage', { packageId: r.packageId });
    expect((await call(app, 'desk.get', { inquiryId })).inquiry.escalation?.hasPdf).toBe(true);
  });

  it('carries the sheet, the alerts with communications, sensor health and contracts', async () => {
    const app = testApp();
    const routes = fakePrinter(app);
    const inquiryId = await readyInquiry(app);
    const r = await call(app, 'desk.escalate', { inquiryId, language: 'en' });
    expect(r.packageId).toMatch(/^ESC-20261122-[0-9A-F]{8}$/);
    expect(routes).toEqual([`/print/desk/package/${r.packageId}`]);
    const view = await call(app, 'desk.package', { packageId: r.packageId });
    const p = view.content;
    expect(p).toMatchObject({
      format: 'soc-desk.escalation-package',
      packageId: r.packageId,
      language: 'en',
      basis: '002 別紙3 1(2)③',
      customer: { id: 'c-sakuragawa', registeredContact: { name: '佐藤 美咲' } },
      inquiry: {
        id: inquiryId,
        caller: { result: 'match', decision: 'served' },
        receptionDay: '2026-11-24',
      },
      hearingSheet: { templateId: 'cts-incident-support', templateVersion: 1 },
    });
    expect(p.hearingSheet.answers['what-seen']).toBe(
      'CTS ポータルで C&C 通信の通知を確認しました。',
    );
    const type = p.hearingSheet.sections
      .flatMap((s) => s.answers)
      .find((a) => a.questionId === 'inquiry-type');
    expect(type?.display.en).toBe('Impact on us, How to act on the recommendations');
    const alertId = (
      app.db.prepare('SELECT alert_id FROM inquiry_alerts WHERE inquiry_id = ?').get(inquiryId) as {
        alert_id: number;
      }
    ).alert_id;
    const comms = app.db
      .prepare('SELECT count(*) AS n FROM communications WHERE alert_id = ?')
      .get(alertId) as {
      n: number;
    };
    expect(p.alerts).toHaveLength(1);
    expect(p.alerts[0]!.communicationsTotal).toBe(comms.n);
    expect(p.alerts[0]!.communications.length).toBe(Math.min(comms.n, 500));
    const devices = app.db
      .prepare("SELECT count(*) AS n FROM devices WHERE customer_id = 'c-sakuragawa'")
      .get() as {
      n: number;
    };
    expect(p.sensorHealth).toHaveLength(devices.n);
    expect(p.sensorHealth.some((d) => d.kind === 'cts-sensor')).toBe(true);
    expect(p.contracts.map((k) => k.service)).toContain('soc-in-pocket');
    expect(p.insurance).toMatchObject({ capYen: 3_000_000 });
    // The stored JSON is exactly what is hashed.
    const stored = app.db
      .prepare('SELECT json, sha256 FROM escalation_packages WHERE id = ?')
      .get(r.packageId) as {
      json: string;
      sha256: string;
    };
    expect(createHash('sha256').update(stored.json, 'utf8').digest('hex')).toBe(r.sha256);
    expect(auditOf(app, inquiryId).map((a) => a.action)).toContain('inquiry.escalated');
  });
});

describe('tracking the second line', () => {
  it('escalated → acknowledged → second-line answer → closed, each step stamped and audited', async () => {
    const app = testApp();
    fakePrinter(app);
    const inquiryId = await readyInquiry(app);
    await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
    expect((await refusal(app, 'desk.close', { inquiryId })).message).toBe(
      'desk:error.wrongStatus',
    );
    const ack = await call(app, 'desk.acknowledge', { inquiryId, reference: 'SL-2026-0042' });
    expect(ack.inquiry.escalation).toMatchObject({
      acknowledgedAt: app.ctx.clock.now(),
      ackReference: 'SL-2026-0042',
    });
    const answered = await call(app, 'desk.recordSecondLine', {
      inquiryId,
      incidentStatus: 'contained',
      resolution: '端末を隔離し、駆除ツールで駆除済み。',
      prevention: 'URL フィルタリング機能つき UTM の導入を推奨。',
      vendorIntroduced: true,
      vendorName: '株式会社サンプルフォレンジック',
      insuranceRelevant: true,
    });
    expect(answered.inquiry).toMatchObject({ status: 'second-line-answered', onTime: true });
    expect(answered.inquiry.escalation?.secondLine).toMatchObject({
      incidentStatus: 'contained',
      vendorIntroduced: true,
      vendorName: '株式会社サンプルフォレンジック',
      insuranceRelevant: true,
    });
    const closed = await call(app, 'desk.close', { inquiryId });
    expect(closed.inquiry.status).toBe('closed');
    expect(closed.timeline.map((t) => t.action)).toEqual([
      'inquiry.created',
      'reception.outside-hours',
      'caller.checked',
      'inquiry.escalated',
      'escalation.acknowledged',
      'second-line.answered',
      'inquiry.closed',
    ]);
    expect(auditOf(app, inquiryId).every((a) => a.actor === 'partner:p-minato')).toBe(true);
  });
});
