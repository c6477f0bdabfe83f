/**
 * What a hearing sheet shows and what it needs before it can go to the second line: pure functions
 * over a template and its answers, used alike by the form, the print layout and the main process
 * (which checks again before it builds an escalation, 002 別紙3 1(2)③).
 */
import {
  YES_NO,
  allQuestions,
  type AnswerValue,
  type Answers,
  type Condition,
  type Question,
  type Section,
  type Template,
} from './schema';

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  return Array.isArray(value) ? value.length > 0 : value.trim() !== '';
}

function holds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.question];
  if ('answered' in condition) return isAnswered(value);
  const wanted = 'equals' in condition ? [condition.equals] : condition.anyOf;
  if (value === undefined) return false;
  return Array.isArray(value) ? value.some((v) => wanted.includes(v)) : wanted.includes(value);
}

/**
 * Whether a question is shown. A condition on a question that is itself hidden does not hold, so a
 * chain of follow-up questions disappears together when its first answer changes.
 */
export function isVisible(template: Template, question: Question, answers: Answers): boolean {
  const visible = visibleIds(template, answers);
  return visible.has(question.id);
}

function visibleIds(template: Template, answers: Answers): Set<string> {
  const shown = new Set<string>();
  // Conditions only point backwards (checked on import), so one pass in order is enough.
  for (const { question } of allQuestions(template)) {
    const ok = (question.showIf ?? []).every((c) => shown.has(c.question) && holds(c, answers));
    if (ok) shown.add(question.id);
  }
  return shown;
}

/** The sections and questions shown for these answers (sections with nothing shown are left out). */
export function visibleSections(
  template: Template,
  answers: Answers,
): Array<{ section: Section; questions: Question[] }> {
  const shown = visibleIds(template, answers);
  return template.sections
    .map((section) => ({ section, questions: section.questions.filter((q) => shown.has(q.id)) }))
    .filter((s) => s.questions.length > 0);
}

export function visibleQuestions(template: Template, answers: Answers): Question[] {
  return visibleSections(template, answers).flatMap((s) => s.questions);
}

export type SheetIssueCode =
  | 'required'
  | 'unknownOption'
  | 'invalidHost'
  | 'invalidDateTime'
  | 'tooLong'
  | 'wrongType'
  | 'unknownQuestion';

/** One problem with an answer; `desk:sheet.issue.<code>` says it in the user's language. */
export interface SheetIssue {
  questionId: string;
  code: SheetIssueCode;
  params?: Record<string, string | number>;
}

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;
// Host names as networks name them (RFC 1123 labels; Windows names may carry underscores).
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9_])?)*\.?$/i;

/** A host name, an IPv4 or IPv6 address, or an address range in CIDR form. */
export function isHostOrIp(entry: string): boolean {
  const s = entry.trim();
  if (s === '') return false;
  if (/^[\d./]+$/.test(s)) return IPV4.test(s);
  if (s.includes(':')) return IPV6.test(s) && (s.match(/::/g) ?? []).length <= 1;
  return HOSTNAME.test(s);
}

/** Splits what a user typed or pasted (lines, commas, spaces) into host entries. */
export function splitHosts(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,、;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

// A date-time answer is an instant with its offset, as the rules engine takes them.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: string): boolean {
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Problems with one answer's shape (not whether it is required). */
export function checkAnswer(question: Question, value: AnswerValue): SheetIssue[] {
  const issue = (code: SheetIssueCode, params?: SheetIssue['params']): SheetIssue[] => [
    { questionId: question.id, code, ...(params ? { params } : {}) },
  ];
  const list = Array.isArray(value);
  switch (question.kind) {
    case 'text':
      if (list) return issue('wrongType');
      return value.length > question.maxLength ? issue('tooLong', { max: question.maxLength }) : [];
    case 'choice':
      if (list) return issue('wrongType');
      if (value === '') return [];
      return question.options.some((o) => o.value === value) ? [] : issue('unknownOption');
    case 'multi':
      if (!list) return issue('wrongType');
      return value.every((v) => question.options.some((o) => o.value === v))
        ? []
        : issue('unknownOption');
    case 'datetime':
      if (list) return issue('wrongType');
      return value === '' || isInstant(value) ? [] : issue('invalidDateTime');
    case 'hosts': {
      if (!list) return issue('wrongType');
      const bad = value.find((v) => !isHostOrIp(v));
      return bad === undefined ? [] : issue('invalidHost', { entry: bad });
    }
    case 'yesno': {
      if (list) return issue('wrongType');
      if (value === '') return [];
      const allowed = question.allowUnknown ? YES_NO : YES_NO.filter((v) => v !== 'unknown');
      return (allowed as readonly string[]).includes(value) ? [] : issue('unknownOption');
    }
  }
}

/** Shape problems of every answer, including answers to questions the template does not have. */
export function checkAnswers(template: Template, answers: Answers): SheetIssue[] {
  const byId = new Map(allQuestions(template).map(({ question }) => [question.id, question]));
  const issues: SheetIssue[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) issues.push({ questionId: id, code: 'unknownQuestion' });
    else issues.push(...checkAnswer(q, value));
  }
  return issues;
}

/**
 * What stops the sheet from going to the second line: every shown, required question answered and
 * every shown answer well formed. Answers to hidden questions are kept but neither checked nor sent
 * as answers (they no longer apply).
 */
export function validateForEscalation(template: Template, answers: Answers): SheetIssue[] {
  const issues: SheetIssue[] = [];
  for (const q of visibleQuestions(template, answers)) {
    const value = answers[q.id];
    if (!isAnswered(value)) {
      if (q.required) issues.push({ questionId: q.id, code: 'required' });
      continue;
    }
    issues.push(...checkAnswer(q, value as AnswerValue));
  }
  return issues;
}

/** The shown, answered questions only: what a package or print carries as the sheet's content. */
export function effectiveAnswers(template: Template, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of visibleQuestions(template, answers)) {
    const v = answers[q.id];
    if (v !== undefined && isAnswered(v)) out[q.id] = v;
  }
  return out;
}

/** Counts for a progress display: required shown questions, and how many are answered. */
export function progress(template: Template, answers: Answers): { required: number; done: number } {
  const required = visibleQuestions(template, answers).filter((q) => q.required);
  return {
    required: required.length,
    done: required.filter((q) => isAnswered(answers[q.id])).length,
  };
}
