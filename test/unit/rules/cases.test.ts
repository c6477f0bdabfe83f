/**
 * Table-driven rules suite (issue #3): runs every JSON case file under test/fixtures/rules/ and,
 * when set, the file named by the environment variable RULES_CASES:
 *
 *   RULES_CASES=path/to/cases.json npx vitest run test/unit/rules/cases.test.ts
 *
 * A case is `{"rule", "input", "expected", "cite", "note"}`; a failing case reports its rule, input,
 * expected and actual values. Expected values are worked out by hand from the seeds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as rules from '../../../shared/rules';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/rules');

const caseSchema = z.object({
  rule: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  expected: z.unknown(),
  cite: z.string().min(1),
  note: z.string(),
});
const fileSchema = z.array(caseSchema);
type Case = z.infer<typeof caseSchema>;

type Input = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;

/** Every rule a case file may name. The date helpers take positional arguments; wrap them. */
const RULES: Record<string, (input: Input) => unknown> = {
  isBusinessDay: (i) => rules.isBusinessDay(i as never),
  receptionDay: (i) => rules.receptionDay(i as never),
  firstAnswerDue: (i) => rules.firstAnswerDue(i as never),
  businessMinutesBetween: (i) => rules.businessMinutesBetween(i as never),
  termEnd: (i) => rules.termEnd(i as never),
  noticeDeadline: (i) => rules.noticeDeadline(i as never),
  minimumPeriodEnd: (i) => rules.minimumPeriodEnd(i as never),
  cancellationEffectiveDate: (i) => rules.cancellationEffectiveDate(i as never),
  earlyTerminationCharge: (i) => rules.earlyTerminationCharge(i as never),
  insuranceCoverageStart: (i) => rules.insuranceCoverageStart(i as never),
  eligibilityProblems: (i) => rules.eligibilityProblems(i as never),
  notifiedWithinSla: (i) => rules.notifiedWithinSla(i as never),
  availabilityBreached: (i) => rules.availabilityBreached(i as never),
  unavailabilityCredit: (i) => rules.unavailabilityCredit(i as never),
  monthlyCredit: (i) => rules.monthlyCredit(i as never),
  guaranteeClaimDeadline: (i) => rules.guaranteeClaimDeadline(i as never),
  unavailabilityClaimDeadline: (i) => rules.unavailabilityClaimDeadline(i as never),
  nextBusinessDay: (i) => rules.nextBusinessDay(i as never),
  addDays: (i) => rules.addDays(str(i.date), num(i.days)),
  addMonths: (i) => rules.addMonths(str(i.date), num(i.months)),
  periodEnd: (i) => rules.periodEnd(str(i.start), num(i.months)),
};

/** Rules returning an instant: compared as instants, so any offset may be written. */
const INSTANT_RULES = new Set(['firstAnswerDue']);

function comparable(rule: string, value: unknown): unknown {
  if (INSTANT_RULES.has(rule) && typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : ms;
  }
  return value;
}

function describeFailure(c: Case, actual: unknown): string {
  return [
    `rule:     ${c.rule}   (${c.cite})`,
    `note:     ${c.note}`,
    `input:    ${JSON.stringify(c.input)}`,
    `expected: ${JSON.stringify(c.expected)}`,
    `actual:   ${actual instanceof Error ? `${actual.name}: ${actual.message}` : JSON.stringify(actual)}`,
  ].join('\n');
}

function runCase(c: Case): void {
  const fn = RULES[c.rule];
  if (!fn) throw new Error(`unknown rule "${c.rule}"\n${describeFailure(c, undefined)}`);
  let actual: unknown;
  try {
    actual = fn(c.input);
  } catch (error) {
    throw new Error(describeFailure(c, error), { cause: error });
  }
  expect(comparable(c.rule, actual), describeFailure(c, actual)).toEqual(
    comparable(c.rule, c.expected),
  );
}

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function loadCases(file: string): Case[] {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a case file\n${parsed.error.message}`);
  return parsed.data;
}

function suite(label: string, file: string): void {
  describe(label, () => {
    const cases = loadCases(file);
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    cases.forEach((c, i) => {
      it(`#${i + 1} ${c.rule}: ${c.note}`, () => runCase(c));
    });
  });
}

const files = listJson(FIXTURES);
for (const file of files) suite(relative(FIXTURES, file), file);

const extra = process.env.RULES_CASES;
if (extra) suite(`RULES_CASES=${extra}`, resolve(process.cwd(), extra));

describe('case files', () => {
  it('hold at least 120 cases and cover every rule of issue #3', () => {
    const all = files.flatMap(loadCases);
    expect(all.length).toBeGreaterThanOrEqual(120);
    const covered = new Set(all.map((c) => c.rule));
    const issueRules = [
      'isBusinessDay',
      'receptionDay',
      'firstAnswerDue',
      'businessMinutesBetween',
      'termEnd',
      'noticeDeadline',
      'minimumPeriodEnd',
      'cancellationEffectiveDate',
      'earlyTerminationCharge',
      'insuranceCoverageStart',
      'eligibilityProblems',
      'notifiedWithinSla',
      'availabilityBreached',
      'unavailabilityCredit',
      'monthlyCredit',
      'guaranteeClaimDeadline',
    ];
    expect(issueRules.filter((r) => !covered.has(r))).toEqual([]);
  });
});
