/**
 * Escalation and hearing sheets by e-mail, through a real SMTP server on 127.0.0.1: delivery with
 * both attachments, failures and retry, the customer's sheet to the partner's desk, and the mail
 * settings (the password sealed, never returned).
 */
import { createHash } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { EscalationPackage } from '../../../shared/hearing-sheet';
import { testApp } from '../helpers';
import { decodeWords, parseMessage } from './mime';
import {
  asCustomer,
  asPartner,
  auditOf,
  call,
  fakePrinter,
  readyInquiry,
  refusal,
  type App,
} from './util';

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function smtp(opts: { user?: string; pass?: string; port?: number } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: !opts.user,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.pass)
        cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        cb();
      });
    },
  });
  servers.push(server);
  const port = await new Promise<number>((resolve) =>
    server.listen(opts.port ?? 0, '127.0.0.1', () =>
      resolve((server.server.address() as { port: number }).port),
    ),
  );
  return { port, received, server };
}

async function mailTo(app: App, port: number, password = 'secret-pass') {
  await call(app, 'desk.saveMailSettings', {
    host: '127.0.0.1',
    port,
    security: 'none',
    user: 'desk',
    password,
    from: 'soc-desk@minato-is.example',
    secondLineTo: 'second-line@cts-vendor.example',
  });
}

describe('sending by e-mail through SMTP', () => {
  it('delivers the message with the PDF and the JSON to a real SMTP server', async () => {
    const app = testApp();
    fakePrinter(app);
    const server = await smtp({ user: 'desk', pass: 'secret-pass' });
    const inquiryId = await readyInquiry(app);
    await mailTo(app, server.port);
    const r = await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
    const sent = await call(app, 'desk.sendPackage', { packageId: r.packageId });
    expect(sent.messageId).not.toBe('');
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.from).toBe('soc-desk@minato-is.example');
    expect(mail.to).toEqual(['second-line@cts-vendor.example']);
    const msg = parseMessage(mail.raw);
    expect(decodeWords(msg.headers.subject ?? '')).toBe(
      `【エスカレーション】桜川精機株式会社 様 ${r.packageId}`,
    );
    const byName = new Map(msg.parts.map((p) => [p.filename, p]));
    const json = byName.get(`${r.packageId}.json`)!;
    const pdf = byName.get(`${r.packageId}.pdf`)!;
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    // The attachment is byte for byte the stored package: same hash, same id.
    expect(createHash('sha256').update(json.body).digest('hex')).toBe(r.sha256);
    expect((JSON.parse(json.body.toString('utf8')) as EscalationPackage).packageId).toBe(
      r.packageId,
    );
    expect(pdf.body.toString('latin1')).toBe(
      `%PDF-1.7 fake /print/desk/package/${r.packageId}\n%%EOF\n`,
    );
    const body = msg.parts.find((p) => p.filename === null)!.body.toString('utf8');
    expect(body).toContain(`JSON の SHA-256: ${r.sha256}`);
    expect(body).toContain(`エスカレーション ID: ${r.packageId}`);
    // Personal data travels in the attachments only.
    expect(body).not.toContain('佐藤');
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.escalation?.deliveries).toMatchObject([
      { method: 'smtp', ok: true, error: null },
    ]);
  });

  it('fails clearly when the server is down, keeps the package, and succeeds on retry', async () => {
    const app = testApp();
    fakePrinter(app);
    const probe = await smtp();
    const port = probe.port;
    await new Promise<void>((r) => probe.server.close(() => r()));
    servers.length = 0;
    const inquiryId = await readyInquiry(app);
    await mailTo(app, port);
    const r = await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
    const e = await refusal(app, 'desk.sendPackage', { packageId: r.packageId });
    expect(e).toMatchObject({ code: 'unavailable', message: 'desk:mail.error.connection' });
    const server = await smtp({ user: 'desk', pass: 'secret-pass', port });
    const sent = await call(app, 'desk.sendPackage', { packageId: r.packageId });
    expect(sent.messageId).not.toBe('');
    expect(server.received).toHaveLength(1);
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.escalation?.packageId).toBe(r.packageId);
    expect(d.inquiry.escalation?.deliveries.map((x) => [x.ok, x.error])).toEqual([
      [false, 'desk:mail.error.connection'],
      [true, null],
    ]);
    expect(auditOf(app, inquiryId).map((a) => a.action)).toEqual(
      expect.arrayContaining(['package.delivery-failed', 'package.delivered']),
    );
  });

  it('says when the login is refused or the settings are missing', async () => {
    const app = testApp();
    fakePrinter(app);
    const server = await smtp({ user: 'desk', pass: 'right' });
    const inquiryId = await readyInquiry(app);
    const r = await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
    expect(await refusal(app, 'desk.sendPackage', { packageId: r.packageId })).toMatchObject({
      code: 'unavailable',
      message: 'desk:mail.error.notConfigured',
    });
    await mailTo(app, server.port, 'wrong');
    expect(await refusal(app, 'desk.sendPackage', { packageId: r.packageId })).toMatchObject({
      message: 'desk:mail.error.auth',
    });
    expect(server.received).toHaveLength(0);
  });
});

describe("the customer's sheet by e-mail", () => {
  it("goes to the partner's desk address with the PDF and the JSON", async () => {
    const app = testApp();
    fakePrinter(app);
    const server = await smtp();
    await asCustomer(app);
    await call(app, 'desk.saveMailSettings', {
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      user: '',
      from: 'misaki.sato@sakuragawa-seiki.example',
      secondLineTo: '',
    });
    const { inquiryId } = await call(app, 'desk.start', { customerId: 'c-sakuragawa' });
    await call(app, 'desk.saveAnswers', { inquiryId, patch: { 'what-seen': '警告を確認' } });
    const r = await call(app, 'desk.mailSheet', { inquiryId, language: 'ja' });
    expect(r.to).toBe('soc-desk@minato-is.example');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.to).toEqual(['soc-desk@minato-is.example']);
    const msg = parseMessage(server.received[0]!.raw);
    const json = msg.parts.find((p) => p.filename === `${inquiryId}.json`)!;
    expect(JSON.parse(json.body.toString('utf8'))).toMatchObject({
      format: 'soc-desk.prepared-hearing-sheet',
      sheetId: inquiryId,
      answers: { 'what-seen': '警告を確認' },
    });
    expect(msg.parts.some((p) => p.filename === `${inquiryId}.pdf`)).toBe(true);
    expect((await call(app, 'desk.get', { inquiryId })).inquiry).toMatchObject({
      status: 'sent',
      sentVia: 'email',
    });
  });
});

describe('mail settings', () => {
  it('seal the password and never return it', async () => {
    const app = testApp();
    app.ctx.secrets = {
      seal: (s) => `sealed:${Buffer.from(s).toString('base64')}`,
      open: (s) => Buffer.from(s.slice('sealed:'.length), 'base64').toString(),
    };
    await asPartner(app);
    await mailTo(app, 2525, 'p@ss-word');
    const s = await call(app, 'desk.mailSettings', {});
    expect(s).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      passwordSet: true,
      partnerDeskEmail: null,
    });
    expect(JSON.stringify(s)).not.toContain('p@ss-word');
    const stored = app.db
      .prepare("SELECT value FROM settings WHERE key = 'secret.smtp.password'")
      .get() as {
      value: string;
    };
    expect(stored.value).not.toContain('p@ss-word');
    // Saving without a password keeps it; an empty one removes it.
    const { passwordSet: _p, partnerDeskEmail: _d, ...settings } = s;
    await call(app, 'desk.saveMailSettings', { ...settings, port: 587 });
    expect((await call(app, 'desk.mailSettings', {})).passwordSet).toBe(true);
    await call(app, 'desk.saveMailSettings', { ...settings, password: '' });
    expect((await call(app, 'desk.mailSettings', {})).passwordSet).toBe(false);
  });
});
