/**
 * A sheet's answers as people read them, in both languages: option labels for choices, はい/いいえ
 * for yes/no, JST date-times. The escalation package and the print layouts carry this beside the
 * raw values, so the second line reads the sheet exactly as the desk filled it, even if it has
 * never seen that template version.
 */
import { formatDateTime } from '../time';
import type { RenderedAnswer } from './exchange';
import { visibleSections } from './logic';
import type { AnswerValue, Answers, Localized, Question, Template } from './schema';

const YES_NO_LABELS: Record<string, Localized> = {
  yes: { ja: 'はい', en: 'Yes' },
  no: { ja: 'いいえ', en: 'No' },
  unknown: { ja: 'わからない', en: 'Not known' },
};

export function yesNoLabel(value: string): Localized {
  return YES_NO_LABELS[value] ?? { ja: value, en: value };
}

export function displayAnswer(question: Question, value: AnswerValue): Localized {
  const both = (s: string): Localized => ({ ja: s, en: s });
  const list = Array.isArray(value) ? value : [value];
  switch (question.kind) {
    case 'choice':
    case 'multi': {
      const labels = list.map((v) => question.options.find((o) => o.value === v)?.label ?? both(v));
      return {
        ja: labels.map((l) => l.ja).join('、'),
        en: labels.map((l) => l.en).join(', '),
      };
    }
    case 'yesno':
      return yesNoLabel(list[0] ?? '');
    case 'datetime': {
      const ms = Date.parse(list[0] ?? '');
      return both(Number.isNaN(ms) ? (list[0] ?? '') : formatDateTime(ms));
    }
    case 'hosts':
      return both(list.join('\n'));
    case 'text':
      return both(list.join('\n'));
  }
}

/** The shown and answered questions per section, as read. */
export function renderSheet(
  template: Template,
  answers: Answers,
): Array<{ id: string; title: Localized; answers: RenderedAnswer[] }> {
  return visibleSections(template, answers).map(({ section, questions }) => ({
    id: section.id,
    title: section.title,
    answers: questions.flatMap((q) => {
      const v = answers[q.id];
      if (v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '')) return [];
      return [{ questionId: q.id, label: q.label, value: v, display: displayAnswer(q, v) }];
    }),
  }));
}
