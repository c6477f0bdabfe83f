/**
 * fast-check generators for hearing-sheet templates (shared/hearing-sheet/schema.ts): valid
 * templates whose conditions only point backwards at questions that can answer them, and hostile
 * edits of a valid template, each with the place in the file a refusal must name.
 */
import fc from 'fast-check';
import {
  PREFILL_SOURCES,
  QUESTION_KINDS,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  YES_NO,
  type QuestionKind,
} from '../../../shared/hearing-sheet';

type Json = Record<string, unknown>;
export interface TemplateFile extends Json {
  id: string;
  version: number;
  sections: Array<Json & { id: string; questions: Array<Json & { id: string; kind: string }> }>;
}

/** Words that survive `.trim().min(1)`: something visible, then anything (Japanese included). */
const words = (max: number) =>
  fc
    .tuple(
      fc.constantFrom('a', 'あ', '受', 'Z', '1', '（'),
      fc.string({ unit: 'grapheme', maxLength: Math.min(12, max - 1) }),
    )
    .map(([a, b]) => a + b);
const localized = (max: number) => fc.record({ ja: words(max), en: words(max) });
export const slugArb = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/);

const optionsArb = fc
  .uniqueArray(slugArb, { minLength: 2, maxLength: 5 })
  .chain((values) =>
    fc.tuple(...values.map((value) => localized(300).map((label) => ({ value, label })))),
  );

const prefillOf = (kind: QuestionKind) =>
  Object.entries(PREFILL_SOURCES)
    .filter(([, k]) => k === kind)
    .map(([s]) => s);

/** One question of a kind, without id and conditions. */
function questionArb(kind: QuestionKind): fc.Arbitrary<Json> {
  const base = fc.record(
    {
      label: localized(500),
      help: localized(2000),
      required: fc.boolean(),
      prefill: prefillOf(kind).length
        ? fc.constantFrom(...prefillOf(kind))
        : fc.constant(undefined),
    },
    { requiredKeys: ['label'] },
  );
  const extra: fc.Arbitrary<Json> =
    kind === 'text'
      ? fc.record(
          { multiline: fc.boolean(), maxLength: fc.integer({ min: 1, max: 10_000 }) },
          { requiredKeys: [] },
        )
      : kind === 'choice' || kind === 'multi'
        ? fc.record({ options: optionsArb })
        : kind === 'yesno'
          ? fc.record({ allowUnknown: fc.boolean() }, { requiredKeys: [] })
          : fc.constant({});
  return fc.tuple(base, extra).map(([b, e]) => {
    const q: Json = { kind, ...b, ...e };
    if (q.prefill === undefined) delete q.prefill;
    return q;
  });
}

/** A condition an earlier question can meet, or null when none fits. */
function conditionFor(target: Json & { id: string; kind: string }, pick: number): Json {
  const values =
    target.kind === 'choice' || target.kind === 'multi'
      ? (target.options as Array<{ value: string }>).map((o) => o.value)
      : target.kind === 'yesno'
        ? [...YES_NO]
        : null;
  if (values === null || pick % 3 === 0) return { question: target.id, answered: true };
  if (pick % 3 === 1) return { question: target.id, equals: values[pick % values.length] };
  return { question: target.id, anyOf: values.slice(0, 1 + (pick % values.length)) };
}

/** A valid template: 1–3 sections of 1–5 questions, conditions on earlier questions only. */
export const validTemplate: fc.Arbitrary<TemplateFile> = fc
  .record({
    id: slugArb,
    version: fc.integer({ min: 1, max: 1_000_000 }),
    title: localized(300),
    issuedBy: localized(300),
    issuedOn: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    sections: fc.array(
      fc.record({
        title: localized(300),
        questions: fc.array(fc.constantFrom(...QUESTION_KINDS).chain(questionArb), {
          minLength: 1,
          maxLength: 5,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    picks: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
  })
  .map(({ picks, sections, ...head }) => {
    const earlier: Array<Json & { id: string; kind: string }> = [];
    let n = 0;
    const out = sections.map((s, si) => ({
      id: `s${si}`,
      ...s,
      questions: s.questions.map((q) => {
        const pick = picks[n % picks.length]!;
        const question = { id: `q${n++}`, ...q } as Json & { id: string; kind: string };
        if (earlier.length > 0 && pick % 2 === 1) {
          const target = earlier[pick % earlier.length]!;
          question.showIf = [conditionFor(target, pick >> 1)];
        }
        earlier.push(question);
        return question;
      }),
    }));
    return {
      format: TEMPLATE_FORMAT,
      formatVersion: TEMPLATE_FORMAT_VERSION,
      ...head,
      sections: out,
    };
  });

/** Where each question is in the file, in order. */
export function questionPaths(
  t: TemplateFile,
): Array<{ path: string; q: TemplateFile['sections'][number]['questions'][number] }> {
  return t.sections.flatMap((s, si) =>
    s.questions.map((q, qi) => ({ path: `sections.${si}.questions.${qi}`, q })),
  );
}

/** Every value in the template with its path (for "replace anything with the wrong type"). */
export function nodes(
  v: unknown,
  path: Array<string | number> = [],
): Array<Array<string | number>> {
  const out = [path];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...nodes(x, [...path, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...nodes(x, [...path, k]));
  return out;
}

export function setAt(root: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  let at = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) at = at[seg] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}

export function getAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let at = root;
  for (const seg of path) at = (at as Record<string | number, unknown>)[seg];
  return at;
}

export const jsonType = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;

/** Arrays nested `depth` deep, as text (JSON.stringify itself would recurse that deep). */
export const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
