/**
 * Reading a hearing-sheet template from a file: JSON syntax, the schema, then the rules a schema
 * cannot say (unique ids, conditions that point to an earlier question and name its options,
 * prefills that fit the question). Every problem is located (path and line); a template with any
 * problem is refused as a whole.
 */
import type { z } from 'zod';
import type { Issue } from '../result';
import { jsonValueLines, lineOf, syntaxErrorLine, type JsonPath } from './json-lines';
import { PREFILL_SOURCES, YES_NO, templateSchema, type Question, type Template } from './schema';

export type ParseResult = { ok: true; template: Template } | { ok: false; issues: Issue[] };

interface Located {
  path: JsonPath;
  message: string;
  params?: Record<string, string | number>;
}

function zodIssues(error: z.ZodError): Located[] {
  return error.issues.slice(0, 50).map((i) => {
    const params: Record<string, string | number> = {};
    if ('expected' in i && typeof i.expected === 'string') params.expected = i.expected;
    if ('minimum' in i) params.minimum = Number(i.minimum);
    if ('maximum' in i) params.maximum = Number(i.maximum);
    if ('keys' in i && Array.isArray(i.keys)) params.keys = i.keys.slice(0, 10).join(', ');
    return {
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: `errors:issue.${i.code}`,
      params,
    };
  });
}

/** The checks the schema cannot express; paths point into the template file. */
export function templateProblems(t: Template): Located[] {
  const out: Located[] = [];
  const add = (path: JsonPath, code: string, params?: Record<string, string | number>) =>
    out.push({ path, message: `desk:template.issue.${code}`, ...(params ? { params } : {}) });
  const sections = new Set<string>();
  const seen = new Map<string, Question>();
  t.sections.forEach((s, si) => {
    if (sections.has(s.id)) add(['sections', si, 'id'], 'duplicateSection', { id: s.id });
    sections.add(s.id);
    s.questions.forEach((q, qi) => {
      const at: JsonPath = ['sections', si, 'questions', qi];
      if (seen.has(q.id)) add([...at, 'id'], 'duplicateQuestion', { id: q.id });
      if (q.kind === 'choice' || q.kind === 'multi') {
        const values = q.options.map((o) => o.value);
        values.forEach((v, oi) => {
          if (values.indexOf(v) !== oi)
            add([...at, 'options', oi, 'value'], 'duplicateOption', { value: v });
        });
      }
      if (q.prefill && PREFILL_SOURCES[q.prefill] !== q.kind)
        add([...at, 'prefill'], 'prefillKind', {
          source: q.prefill,
          kind: PREFILL_SOURCES[q.prefill],
        });
      (q.showIf ?? []).forEach((c, ci) => {
        const target = seen.get(c.question);
        if (!target) {
          add([...at, 'showIf', ci, 'question'], 'conditionTarget', { id: c.question });
          return;
        }
        if ('answered' in c) return;
        const wanted = 'equals' in c ? [c.equals] : c.anyOf;
        const allowed =
          target.kind === 'choice' || target.kind === 'multi'
            ? target.options.map((o) => o.value)
            : target.kind === 'yesno'
              ? [...YES_NO]
              : null;
        if (allowed === null) add([...at, 'showIf', ci], 'conditionKind', { id: c.question });
        else
          wanted.forEach((w) => {
            if (!allowed.includes(w))
              add([...at, 'showIf', ci, 'equals' in c ? 'equals' : 'anyOf'], 'conditionValue', {
                id: c.question,
                value: w,
              });
          });
      });
      seen.set(q.id, q);
    });
  });
  return out;
}

/** Validates an already-parsed value; `text` (the file) gives the issues their line numbers. */
export function parseTemplate(value: unknown, text?: string): ParseResult {
  const lines = text === undefined ? null : jsonValueLines(text);
  const locate = (l: Located): Issue => {
    const line = lines ? lineOf(lines, l.path) : undefined;
    return {
      path: l.path.join('.') || '(file)',
      message: l.message,
      ...(line !== undefined ? { line } : {}),
      ...(l.params ? { params: l.params } : {}),
    };
  };
  const parsed = templateSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error).map(locate) };
  const problems = templateProblems(parsed.data);
  if (problems.length > 0) return { ok: false, issues: problems.map(locate) };
  return { ok: true, template: parsed.data };
}

/** Reads a template file's text: JSON syntax errors and schema problems are located by line. */
export function parseTemplateText(file: string): ParseResult {
  // The line of a syntax error is counted in the text JSON.parse saw, without the BOM.
  const text = file.replace(/^\ufeff/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const line = syntaxErrorLine(text, e);
    return {
      ok: false,
      issues: [
        {
          path: '(file)',
          message: 'errors:issue.not_json',
          ...(line !== undefined ? { line } : {}),
        },
      ],
    };
  }
  return parseTemplate(value, text);
}
