/**
 * Hearing-sheet template files: problems located by path and line, and a sheet filled with one
 * template version read against the next.
 */
import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  parseTemplateText,
  renderSheet,
  validateForEscalation,
  type Answers,
  type Template,
} from '../../../shared/hearing-sheet';
import { fixture, ids, v1 } from './sheet-setup';

describe('template files', () => {
  it('locate a condition that points forward, by path and line', () => {
    const r = parseTemplateText(fixture('bad-forward-condition.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        path: 'sections.2.questions.1.showIf.0.question',
        line: 210,
        message: 'desk:template.issue.conditionTarget',
        params: { id: 'urgency' },
      },
    ]);
  });

  it('locate schema problems and syntax errors', () => {
    const r = parseTemplateText(fixture('bad-schema.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.path).toBe('sections.0.questions.0.options');
      // The missing key is reported at the question that lacks it.
      expect(r.issues[0]?.line).toBe(27);
    }
    const s = parseTemplateText(fixture('syntax-error.txt'));
    expect(s).toEqual({
      ok: false,
      issues: [{ path: '(file)', line: 5, message: 'errors:issue.not_json' }],
    });
  });

  it('refuse duplicate ids, unknown option values and prefills of the wrong kind', () => {
    const t = JSON.parse(fixture('cts-incident-support.v2.json')) as Template;
    t.sections[0]!.questions.push({ ...t.sections[0]!.questions[0]! });
    (t.sections[2]!.questions[2] as { showIf: unknown }).showIf = [
      { question: 'inquiry-type', anyOf: ['nonsense'] },
    ];
    (t.sections[0]!.questions[1] as { prefill: string }).prefill = 'alerts.hosts';
    const r = parseTemplate(t);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      'desk:template.issue.prefillKind',
      'desk:template.issue.duplicateQuestion',
      'desk:template.issue.conditionValue',
    ]);
  });
});

describe('version changes', () => {
  const v2r = parseTemplateText(fixture('cts-incident-support.v2.json'));
  if (!v2r.ok) throw new Error('fixture v2 must be valid');
  const v2 = v2r.template;
  const answers: Answers = {
    'inquiry-type': ['notice-unclear'],
    'unclear-points': '英語の意味がわからない',
    'utm-url-filter': 'unknown',
  };

  it('a sheet filled with v1 still renders with v1 after v2 dropped a question', () => {
    const sections = renderSheet(v1, answers);
    const inquiry = sections.find((s) => s.id === 'inquiry')!;
    expect(inquiry.answers.map((a) => [a.questionId, a.display.ja])).toEqual([
      ['inquiry-type', '通知内容がわからない（日本語で説明してほしい）'],
      ['unclear-points', '英語の意味がわからない'],
    ]);
    expect(sections.find((s) => s.id === 'perimeter')!.answers[0]!.display).toEqual({
      ja: 'わからない',
      en: 'Not known',
    });
  });

  it('the same answers under v2 show the new question and no longer the dropped one', () => {
    expect(ids(v2, answers)).toContain('english-notice');
    expect(ids(v2, answers)).not.toContain('unclear-points');
    expect(validateForEscalation(v2, answers).map((i) => i.questionId)).toContain('english-notice');
  });
});
