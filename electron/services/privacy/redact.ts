/**
 * Deleting an inquiry's personal data (docs/privacy.md): every value a person typed or gave is
 * replaced with {@link REDACTED}, while what the desk's figures are made of stays — dates, status,
 * on-time result, channel, the caller check's result and decision codes, the inquiry types and
 * other choices of the sheet, the linked alerts. Reports and the SLA read only those (reports'
 * deskSection), so their figures do not change.
 */
import type { EscalationPackage } from '../../../shared/hearing-sheet/exchange';
import type { Answers, Template } from '../../../shared/hearing-sheet/schema';
import { REDACTED, type RedactionReason } from '../../../shared/ops/privacy';
import type { ServiceContext } from '../context';
import { getTemplate } from '../desk/templates';

/** Question kinds whose answers are free text or names of machines: personal data may be in them. */
const PERSONAL_KINDS = new Set(['text', 'hosts']);

/** Free-text columns of an inquiry (caller, notes, answers given by phone and by the second line). */
export const PERSONAL_COLUMNS = [
  'caller_name',
  'caller_phone',
  'caller_email',
  'caller_note',
  'phone_answer',
  'sl_resolution',
  'sl_prevention',
  'sl_note',
  'close_note',
] as const;

function personalQuestions(template: Template): Set<string> {
  const ids = new Set<string>();
  for (const s of template.sections)
    for (const q of s.questions) if (PERSONAL_KINDS.has(q.kind)) ids.add(q.id);
  return ids;
}

const known = (template: Template) =>
  new Set(template.sections.flatMap((s) => s.questions.map((q) => q.id)));

/** The answers with every free-text and hosts answer (and any unknown one) replaced. */
export function redactAnswers(template: Template, answers: Answers): Answers {
  const personal = personalQuestions(template);
  const ids = known(template);
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    // An answer to a question the template does not have cannot be told apart: treated as personal.
    const redact = personal.has(id) || !ids.has(id);
    out[id] = !redact ? value : Array.isArray(value) ? [REDACTED] : REDACTED;
  }
  return out;
}

const blank = (v: string | null | undefined) => (v ? REDACTED : (v ?? ''));

/**
 * The escalation package as kept after deletion: the registered contact, the caller and the
 * sheet's personal answers replaced (in the answers and in their readable form). Alerts, health
 * and contracts stay: they are the customer's systems, not a person's data.
 */
export function redactPackage(json: string): string {
  const pkg = JSON.parse(json) as EscalationPackage;
  const contact = pkg.customer.registeredContact;
  pkg.customer.registeredContact = {
    ...contact,
    name: blank(contact.name),
    nameKana: blank(contact.nameKana),
    phone: blank(contact.phone),
    email: blank(contact.email),
  };
  const caller = pkg.inquiry.caller;
  if (caller)
    pkg.inquiry.caller = {
      ...caller,
      name: blank(caller.name),
      phone: blank(caller.phone),
      email: blank(caller.email),
      note: caller.note ? REDACTED : caller.note,
    };
  const sheet = pkg.hearingSheet;
  sheet.answers = redactAnswers(sheet.template, sheet.answers);
  for (const section of sheet.sections)
    for (const a of section.answers) {
      const v = sheet.answers[a.questionId];
      if (v === undefined || JSON.stringify(v) === JSON.stringify(a.value)) continue;
      a.value = v;
      a.display = { ja: REDACTED, en: REDACTED };
    }
  return JSON.stringify(pkg);
}

interface Target {
  id: string;
  customer_id: string;
  template_id: string;
  template_version: number;
  answers: string;
}

/**
 * Deletes one inquiry's personal data, with its packages, and records it (redactions, audit).
 * Call inside a transaction. Returns false when it had been deleted already.
 */
export function redactInquiry(
  ctx: ServiceContext,
  row: Target,
  reason: RedactionReason,
  actor: string,
  now: number,
): boolean {
  const done = ctx.db
    .prepare(
      `INSERT INTO redactions (entity, entity_id, customer_id, at, reason)
       VALUES ('inquiry', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(row.id, row.customer_id, now, reason);
  if (done.changes === 0) return false;
  const template = getTemplate(ctx, row.template_id, row.template_version);
  const answers = redactAnswers(template, JSON.parse(row.answers) as Answers);
  const sets = PERSONAL_COLUMNS.map((c) => `${c} = CASE WHEN ${c} IS NULL THEN NULL ELSE @r END`);
  ctx.db
    .prepare(
      `UPDATE inquiries SET ${sets.join(', ')}, answers = @answers, answers_rev = answers_rev + 1,
         updated_at = @now WHERE id = @id`,
    )
    .run({ r: REDACTED, answers: JSON.stringify(answers), now, id: row.id });
  const packages = ctx.db
    .prepare('SELECT id, json FROM escalation_packages WHERE inquiry_id = ?')
    .all(row.id) as Array<{ id: string; json: string }>;
  // The PDF printed the same data: dropped, and printed again from the redacted JSON if asked.
  const update = ctx.db.prepare('UPDATE escalation_packages SET json = ?, pdf = NULL WHERE id = ?');
  for (const p of packages) update.run(redactPackage(p.json), p.id);
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, customer_id, note)
       VALUES (?, ?, ?, 'inquiry', ?, ?, ?)`,
    )
    .run(
      now,
      actor,
      `privacy.${reason}-deleted`,
      row.id,
      row.customer_id,
      `packages:${packages.length}`,
    );
  return true;
}
