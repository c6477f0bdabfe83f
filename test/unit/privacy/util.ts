import { fixedClock, FIXED_NOW } from '../helpers';
import { asPartner, call, REQUIRED_REST, type App } from '../desk/util';

export const HOUR = 60 * 60 * 1000;
export const jst = (iso: string) => Date.parse(`${iso}+09:00`);

/** Marker strings that stand for personal data: none may survive a deletion, or reach a log. */
export const MARK = {
  name: 'PII山田マーカー太郎',
  phone: '090-7777-1234',
  email: 'pii.marker@private.example',
  note: 'PII-NOTE-MARKER',
  answer: 'PII-ANSWER-MARKER',
  host: 'pii-marker-pc.private.example',
  phoneAnswer: 'PII-PHONE-ANSWER-MARKER',
};
export const MARKERS = Object.values(MARK);

/**
 * A desk record of `customerId` received an hour before `closedAt` and answered by phone at
 * `closedAt` (which closes it), with a caller that is not the registered contact (served for a
 * stated reason) and marker strings in every personal field. The app's clock is moved to
 * `closedAt` while it is made, then back to `now`.
 */
export async function closedInquiry(
  app: App,
  closedAt: number,
  opts: { customerId?: string; partnerId?: string; now?: number; close?: boolean } = {},
): Promise<string> {
  const now = opts.now ?? FIXED_NOW;
  await asPartner(app, opts.partnerId ?? 'p-minato');
  app.ctx.clock = fixedClock(closedAt);
  try {
    const { inquiryId } = await call(app, 'desk.start', {
      customerId: opts.customerId ?? 'c-sakuragawa',
      receivedAt: closedAt - HOUR,
    });
    await call(app, 'desk.verifyCaller', {
      inquiryId,
      name: MARK.name,
      phone: MARK.phone,
      email: MARK.email,
      decision: 'served-with-reason',
      note: MARK.note,
    });
    await call(app, 'desk.saveAnswers', {
      inquiryId,
      patch: { ...REQUIRED_REST, question: MARK.answer, 'affected-hosts': [MARK.host] },
    });
    if (opts.close !== false)
      await call(app, 'desk.answer', { inquiryId, text: MARK.phoneAnswer, answeredAt: closedAt });
    return inquiryId;
  } finally {
    app.ctx.clock = fixedClock(now);
  }
}

/** Every row of every table as text (to look for markers). */
export function dump(app: App): string {
  const tables = app.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return tables
    .map(({ name }) =>
      (app.db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        .map((r) =>
          Object.values(r)
            .map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)))
            .join('\t'),
        )
        .join('\n'),
    )
    .join('\n');
}

/** The markers found in a text. */
export const markersIn = (text: string) => MARKERS.filter((m) => text.includes(m));

export function inquiryRow(app: App, id: string) {
  return app.db.prepare('SELECT * FROM inquiries WHERE id = ?').get(id) as Record<string, unknown>;
}
