/**
 * The hearing sheet (ヒアリングシート) as data. The vendor distributes the sheet the partner's
 * first-line window hears the customer with (002 別紙3 1(2)①) and the sheet travels with an
 * escalation (1(2)③), so it is a versioned, bilingual template rather than a screen: a partner can
 * import the vendor's newer version, and a sheet filled with an older one still renders.
 *
 * Answers are plain JSON values keyed by question id: a string (text, choice, date-time, yes/no)
 * or a list of strings (multi, host/IP list). An empty string or list counts as unanswered.
 */
import { z } from 'zod';

export const TEMPLATE_FORMAT = 'soc-desk.hearing-sheet-template';
export const TEMPLATE_FORMAT_VERSION = 1;

const localized = (max: number) =>
  z.strictObject({
    ja: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });
export const localizedText = localized(2000);
export type Localized = z.infer<typeof localizedText>;

/** Ids are short kebab-case, so answers, conditions and exports can name them. */
export const slug = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'slug')
  .max(64);

export const QUESTION_KINDS = ['text', 'choice', 'multi', 'datetime', 'hosts', 'yesno'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const YES_NO = ['yes', 'no', 'unknown'] as const;
export type YesNo = (typeof YES_NO)[number];

/**
 * Where a prefilled answer comes from: the linked alerts, the customer's records (parameter sheet,
 * 002 別紙4 2(4)), the caller check or the reception clock. Each source fits one kind of question.
 */
export const PREFILL_SOURCES = {
  'customer.name': 'text',
  'contact.name': 'text',
  'contact.department': 'text',
  'contact.phone': 'text',
  'contact.email': 'text',
  'caller.name': 'text',
  'caller.phone': 'text',
  'caller.email': 'text',
  'alerts.summary': 'text',
  'alerts.firstSeen': 'datetime',
  'alerts.hosts': 'hosts',
  'alerts.indicators': 'hosts',
  'perimeter.utmWithUrlFilter': 'yesno',
  'perimeter.firewallAndProxy': 'yesno',
  'inquiry.receivedAt': 'datetime',
} as const satisfies Record<string, QuestionKind>;
export type PrefillSource = keyof typeof PREFILL_SOURCES;
const prefillSource = z.enum(Object.keys(PREFILL_SOURCES) as [PrefillSource, ...PrefillSource[]]);

/**
 * Shown only when an earlier answer says so: equal to a value, one of several values (for a multi
 * question: any of them ticked), or answered at all.
 */
export const conditionSchema = z.union([
  z.strictObject({ question: slug, equals: z.string().min(1).max(64) }),
  z.strictObject({ question: slug, anyOf: z.array(z.string().min(1).max(64)).min(1).max(50) }),
  z.strictObject({ question: slug, answered: z.literal(true) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

const optionSchema = z.strictObject({ value: slug, label: localized(300) });
export type ChoiceOption = z.infer<typeof optionSchema>;

const common = {
  id: slug,
  label: localized(500),
  help: localizedText.optional(),
  required: z.boolean().default(false),
  /** Every condition must hold (AND); absent means always shown. */
  showIf: z.array(conditionSchema).min(1).max(10).optional(),
  prefill: prefillSource.optional(),
};

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('text'),
    multiline: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(10_000).default(2000),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('choice'),
    options: z.array(optionSchema).min(2).max(50),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('multi'),
    options: z.array(optionSchema).min(2).max(50),
  }),
  z.strictObject({ ...common, kind: z.literal('datetime') }),
  z.strictObject({ ...common, kind: z.literal('hosts') }),
  z.strictObject({ ...common, kind: z.literal('yesno'), allowUnknown: z.boolean().default(true) }),
]);
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  id: slug,
  title: localized(300),
  help: localizedText.optional(),
  questions: z.array(questionSchema).min(1).max(100),
});
export type Section = z.infer<typeof sectionSchema>;

export const templateSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  id: slug,
  /** Raised by the vendor for every change; a filled sheet keeps the version it was filled with. */
  version: z.number().int().min(1).max(1_000_000),
  title: localized(300),
  /** Who issued it (the service's vendor, 002 別紙3 1(2)①). */
  issuedBy: localized(300),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  sections: z.array(sectionSchema).min(1).max(30),
});
export type Template = z.infer<typeof templateSchema>;
/** A template as written in a file, before defaults are applied. */
export type TemplateInput = z.input<typeof templateSchema>;

/** One answer: a string for text, choice, date-time and yes/no; a list for multi and hosts. */
export const answerValueSchema = z.union([
  z.string().max(10_000),
  z.array(z.string().max(255)).max(500),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;

export const answersSchema = z
  .record(slug, answerValueSchema)
  .refine((a) => Object.keys(a).length <= 1000, { message: 'too many answers' });

/** Every question of a template, in order, with the section it belongs to. */
export function allQuestions(template: Template): Array<{ section: Section; question: Question }> {
  return template.sections.flatMap((section) =>
    section.questions.map((question) => ({ section, question })),
  );
}

export function findQuestion(template: Template, id: string): Question | undefined {
  for (const s of template.sections) for (const q of s.questions) if (q.id === id) return q;
  return undefined;
}

/** `id@version`, how sheets and settings name a template version. */
export const templateKey = (t: { id: string; version: number }) => `${t.id}@${t.version}`;
