/**
 * Property-based tests of hearing-sheet template import (fast-check, 10,000 generated cases in the
 * parser and 400 through `desk.importTemplate`): valid generated templates are accepted and their
 * sheets can be shown, checked and rendered; hostile ones (conditions on themselves, on later or
 * unknown questions, duplicate ids, wrong kinds and types, huge text, `__proto__` keys, nesting
 * 2·10^4 deep, truncations, flipped bytes, random bytes) are refused with typed issues that name a
 * path and a line, and the store is left exactly as it was (contentHash).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkAnswers,
  parseTemplateText,
  progress,
  renderSheet,
  validateForEscalation,
  visibleSections,
  type Answers,
  type Template,
} from '../../../shared/hearing-sheet';
import type { Issue } from '../../../shared/result';
import {
  getAt,
  jsonType,
  nested,
  nodes,
  questionPaths,
  setAt,
  slugArb,
  validTemplate,
  type TemplateFile,
} from './props-template-arb';
import { contentHash, suiteApp } from '../helpers';
import { insertTenants } from '../sync/helpers';

const SHIPPED = readFileSync(
  join(import.meta.dirname, '../../../assets/hearing-sheets/cts-incident-support.v1.json'),
);

const RUNS = {
  valid: 1500,
  hostile: 4000,
  wrongType: 1500,
  random: 1000,
  truncated: 1000,
  flipped: 1000,
  app: 300,
  appValid: 100,
};

/** Every issue names where: a path, a line inside the file, a translatable message. */
function expectLocated(issues: Issue[], text: string): void {
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.length).toBeLessThanOrEqual(50);
  const lines = text.split('\n').length;
  for (const i of issues) {
    expect(i.path).toMatch(/\S/);
    expect(i.message).toMatch(/^(errors|desk):[\w.]+$/);
    expect(Number.isInteger(i.line) && i.line! >= 1 && i.line! <= lines, JSON.stringify(i)).toBe(
      true,
    );
  }
}

function refused(text: string, at?: string): Issue[] {
  const r = parseTemplateText(text);
  expect(r.ok, at).toBe(false);
  if (r.ok) return [];
  expectLocated(r.issues, text);
  if (at !== undefined)
    expect(
      r.issues.some((i) => i.path === at || i.path.startsWith(`${at}.`)),
      `${at} in ${JSON.stringify(r.issues)}`,
    ).toBe(true);
  return r.issues;
}

/** What a sheet needs of a template: visibility, checks, rendering, for any answers. */
function expectUsable(t: Template, answers: Answers): void {
  const empty = visibleSections(t, {}).flatMap((s) => s.questions.map((q) => q.id));
  const unconditional = t.sections.flatMap((s) => s.questions.filter((q) => !q.showIf));
  expect(empty).toEqual(unconditional.map((q) => q.id));
  renderSheet(t, answers);
  checkAnswers(t, answers);
  validateForEscalation(t, answers);
  const p = progress(t, answers);
  expect(p.done).toBeLessThanOrEqual(p.required);
}

const answersArb = fc.dictionary(
  fc.oneof(fc.constantFrom('q0', 'q1', 'q2', 'q3', 'q4'), slugArb),
  fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 })),
  { maxKeys: 6 },
);

/** A hostile edit of a valid template: the file's text and the path a refusal must name. */
type Edit = { text: string; at: string };
const DEEP = '@@DEEP@@';
const PROTO = '@@PROTO@@';

function edit(t: TemplateFile, kind: number, a: number, b: number, n: number): Edit {
  const qs = questionPaths(t);
  const i = a % qs.length;
  const j = b % qs.length;
  const [lo, hi] = i < j ? [i, j] : [j, i];
  const text = () => JSON.stringify(t, null, n % 3);
  switch (kind) {
    case 0: // A condition on the question itself (the smallest cycle).
      qs[i]!.q.showIf = [{ question: qs[i]!.q.id, answered: true }];
      return { text: text(), at: `${qs[i]!.path}.showIf.0.question` };
    case 1: // On a later question (with the later one pointing back: a cycle of two).
      if (lo === hi) return edit(t, 2, a, b, n);
      qs[lo]!.q.showIf = [{ question: qs[hi]!.q.id, answered: true }];
      qs[hi]!.q.showIf = [{ question: qs[lo]!.q.id, answered: true }];
      return { text: text(), at: `${qs[lo]!.path}.showIf.0.question` };
    case 2: // On a question that does not exist.
      qs[i]!.q.showIf = [{ question: `zz-missing-${n}`, answered: true }];
      return { text: text(), at: `${qs[i]!.path}.showIf.0.question` };
    case 3: // Two questions with one id.
      if (lo === hi) return edit(t, 2, a, b, n);
      qs[hi]!.q.id = qs[lo]!.q.id;
      return { text: text(), at: `${qs[hi]!.path}.id` };
    case 4: // Two sections with one id.
      if (t.sections.length < 2) return edit(t, 0, a, b, n);
      t.sections[1]!.id = t.sections[0]!.id;
      return { text: text(), at: 'sections.1.id' };
    case 5: // A kind that does not exist.
      qs[i]!.q.kind = ['textarea', 'Text', '', 'choice ', 'number'][n % 5]!;
      return { text: text(), at: qs[i]!.path };
    case 6: // Text over its limit.
      setAt(t, ['sections', 0, 'questions', 0, 'label', n % 2 ? 'ja' : 'en'], 'あ'.repeat(501 + n));
      return { text: text(), at: 'sections.0.questions.0.label' };
    case 7: // Keys that would pollute prototypes if copied naively.
      (qs[i]!.q as Record<string, unknown>)[PROTO] = { polluted: true };
      return {
        text: text().replace(`"${PROTO}"`, ['"__proto__"', '"constructor"', '"prototype"'][n % 3]!),
        at: qs[i]!.path,
      };
    case 8: // Nesting far deeper than any template (and than a recursive reader's stack).
      qs[i]!.q.help = DEEP;
      return {
        text: text().replace(`"${DEEP}"`, nested([2, 100, 5000, 20_000][n % 4]!)),
        at: `${qs[i]!.path}.help`,
      };
    case 9: {
      // A condition value the earlier question cannot have, or a value on a question without values.
      if (lo === hi) return edit(t, 2, a, b, n);
      const target = qs[lo]!.q;
      qs[hi]!.q.showIf = [{ question: target.id, equals: 'zz-no-such-value' }];
      const at = `${qs[hi]!.path}.showIf.0`;
      return { text: text(), at };
    }
    case 10: // A prefill that does not fit the question.
      qs[i]!.q.prefill = qs[i]!.q.kind === 'hosts' ? 'customer.name' : 'alerts.hosts';
      return { text: text(), at: `${qs[i]!.path}.prefill` };
    case 11: // No questions, or too many sections.
      if (n % 2) t.sections[0]!.questions = [];
      else t.sections = Array.from({ length: 31 }, () => t.sections[0]!);
      return { text: text(), at: n % 2 ? 'sections.0.questions' : 'sections' };
    default: // Another format, or a version this reader does not know.
      if (n % 2) t.format = 'soc-desk.hearing-sheet';
      else t.formatVersion = 2;
      return { text: text(), at: n % 2 ? 'format' : 'formatVersion' };
  }
}

const hostileArb = fc
  .tuple(validTemplate, fc.nat({ max: 12 }), fc.nat(), fc.nat(), fc.nat({ max: 1000 }))
  .map(([t, kind, a, b, n]) => edit(structuredClone(t), kind, a, b, n));

describe('template parser, valid templates', () => {
  it(`accepts every valid generated template (BOM, CRLF, any indent) and its sheet works (${RUNS.valid} cases)`, () => {
    fc.assert(
      fc.property(
        validTemplate,
        fc.nat({ max: 3 }),
        fc.boolean(),
        answersArb,
        (t, indent, bom, answers) => {
          let text = JSON.stringify(t, null, indent);
          if (indent % 2) text = text.replace(/\n/g, '\r\n');
          const r = parseTemplateText(bom ? `\ufeff${text}` : text);
          expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
          if (!r.ok) return;
          expect(r.template.sections.flatMap((s) => s.questions.map((q) => q.id))).toEqual(
            questionPaths(t).map((x) => x.q.id),
          );
          expect(parseTemplateText(JSON.stringify(r.template))).toEqual(r);
          expectUsable(r.template, answers);
        },
      ),
      { numRuns: RUNS.valid, seed: 0x5eed01 },
    );
  }, 120_000);
});

describe('template parser, hostile templates', () => {
  it(`refuses cycles, forward and unknown references, duplicates, wrong kinds, huge text, __proto__ keys and deep nesting, located (${RUNS.hostile} cases)`, () => {
    fc.assert(
      fc.property(hostileArb, ({ text, at }) => {
        refused(text, at);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS.hostile, seed: 0x5eed02 },
    );
  }, 120_000);

  it(`refuses any value replaced by one of another type, at its place (${RUNS.wrongType} cases)`, () => {
    fc.assert(
      fc.property(
        validTemplate,
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        (generated, pick, value) => {
          const t = structuredClone(generated);
          const all = nodes(t).filter((p) => p.length > 0);
          const path = all[pick % all.length]!;
          fc.pre(jsonType(getAt(t, path)) !== jsonType(value));
          setAt(t, path, value);
          // A union (conditions) reports at its own node: at most two levels above the value.
          refused(JSON.stringify(t, null, 1), path.slice(0, -2).join('.') || undefined);
        },
      ),
      { numRuns: RUNS.wrongType, seed: 0x5eed03 },
    );
  }, 120_000);

  it(`refuses random bytes and truncations; a flipped byte is refused or read whole (${RUNS.random} + ${RUNS.truncated} + ${RUNS.flipped} cases)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), (b) => {
        refused(Buffer.from(b).toString('utf8'));
      }),
      { numRuns: RUNS.random, seed: 0x5eed04 },
    );
    const shipped = SHIPPED.toString('utf8').trimEnd();
    fc.assert(
      fc.property(fc.nat({ max: shipped.length - 1 }), (n) => {
        refused(shipped.slice(0, n));
      }),
      { numRuns: RUNS.truncated, seed: 0x5eed05 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: SHIPPED.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        answersArb,
        (flips, answers) => {
          const b = Buffer.from(SHIPPED);
          for (const [at, x] of flips) b[at] = b[at]! ^ x;
          const text = b.toString('utf8');
          const r = parseTemplateText(text);
          if (r.ok) expectUsable(r.template, answers);
          else expectLocated(r.issues, text);
        },
      ),
      { numRuns: RUNS.flipped, seed: 0x5eed06 },
    );
  }, 120_000);
});

describe('desk.importTemplate through the app', () => {
  const suite = suiteApp({ demo: false });
  let dir = '';
  beforeAll(async () => {
    insertTenants(suite.current.db);
    await suite.current.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    dir = suite.current.dataDir;
  });
  let n = 0;
  const upload = (text: string) => {
    const path = join(dir, `t${n++}.json`);
    writeFileSync(path, text);
    return suite.current.ctx.files.registerPicked(path, 'template.json').fileId;
  };

  it(`answers a hostile template with a typed, located error and writes nothing (${RUNS.app} cases)`, async () => {
    const app = suite.current;
    const huge = `{"format": "${'x'.repeat(1024 * 1024)}"}`;
    const bad = fc.oneof(
      hostileArb.map((e) => e.text),
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.constant(huge),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (text) => {
        const before = contentHash(app.db);
        const r = await app.dispatch('desk.importTemplate', { fileId: upload(text) });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        if (text === huge) expect(r.error.code).toBe('payload_too_large');
        else {
          expect(r.error).toMatchObject({
            code: 'invalid_input',
            message: 'desk:error.badTemplate',
          });
          expectLocated(r.error.issues ?? [], text);
        }
        expect(contentHash(app.db)).toBe(before);
      }),
      { numRuns: RUNS.app, seed: 0x5eed07, timeout: 10_000 },
    );
  }, 120_000);

  it(`stores a valid template exactly as read (${RUNS.appValid} cases)`, async () => {
    const app = suite.current;
    await fc.assert(
      fc.asyncProperty(validTemplate, async (t) => {
        const r = await app.dispatch('desk.importTemplate', { fileId: upload(JSON.stringify(t)) });
        if (!r.ok) {
          // The same id and version with other content is a conflict, never a silent overwrite.
          expect(r.error.code).toBe('conflict');
          return;
        }
        const got = await app.dispatch('desk.template', { id: t.id, version: t.version });
        expect(got.ok && got.value).toEqual(
          (parseTemplateText(JSON.stringify(t)) as { template: Template }).template,
        );
      }),
      { numRuns: RUNS.appValid, seed: 0x5eed08, timeout: 10_000 },
    );
  }, 120_000);
});
