import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  progress,
  validateForEscalation,
  visibleSections,
  type SheetIssue,
} from '../../../shared/hearing-sheet';
import type { InquiryDetail } from '../../../shared/ops/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { QuestionField } from './QuestionField';
import { useDesk } from './store';
import { loc } from './text';

/**
 * The hearing sheet (002 別紙3 1(2)①), rendered from the template version it was filled with.
 * Questions appear as earlier answers call for them; every change is saved as it is typed.
 */
export function SheetForm({
  detail,
  editable,
  showIssues = false,
}: {
  detail: InquiryDetail;
  editable: boolean;
  showIssues?: boolean;
}) {
  const { t, i18n } = useTranslation('desk');
  const { dateTime } = useFormat();
  const lang = i18n.language;
  const { template } = detail;
  const answers = detail.inquiry.answers;
  const setAnswer = useDesk((s) => s.setAnswer);
  const flush = useDesk((s) => s.flush);
  const save = useDesk((s) => s.save);
  const showAll = useDesk((s) => s.actionError?.action === 'escalate') || showIssues;
  const id = useId();
  const sections = useMemo(() => visibleSections(template, answers), [template, answers]);
  const issues = useMemo(() => validateForEscalation(template, answers), [template, answers]);
  const done = progress(template, answers);
  // Shape problems show at once; missing required answers once escalation was tried.
  const shown = (qid: string): SheetIssue | undefined =>
    issues.find((x) => x.questionId === qid && (showAll || x.code !== 'required'));

  return (
    <section className="card desk-sheet" aria-labelledby={`${id}-h`} data-testid="sheet">
      <div className="desk-sheet-head">
        <h2 id={`${id}-h`}>
          {detail.inquiry.side === 'partner' && <span className="desk-step">2</span>}{' '}
          {t('sheet.title')}
        </h2>
        <span className="muted small" data-testid="template-version">
          {t('sheet.template', {
            title: loc(template.title, lang),
            version: template.version,
          })}
        </span>
      </div>
      <div className="desk-sheet-status">
        <span data-testid="sheet-progress">
          {t('sheet.progress', { done: done.done, required: done.required })}
        </span>
        <span
          className="muted small"
          role="status"
          aria-live="polite"
          data-testid="save-status"
          data-state={save.status}
        >
          {save.status === 'saving' || save.status === 'pending'
            ? t('sheet.saving')
            : save.status === 'error'
              ? t('sheet.saveFailed')
              : save.savedAt
                ? t('sheet.savedAt', { time: dateTime(save.savedAt) })
                : ''}
        </span>
      </div>
      {save.status === 'error' && save.error && <ErrorNotice error={save.error} />}
      {sections.map(({ section, questions }) => (
        <section
          key={section.id}
          className="desk-sheet-section"
          aria-labelledby={`${id}-${section.id}`}
        >
          <h3 id={`${id}-${section.id}`}>{loc(section.title, lang)}</h3>
          {section.help && <p className="muted small">{loc(section.help, lang)}</p>}
          {questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id]}
              issue={shown(q.id)}
              disabled={!editable}
              onChange={(v) => setAnswer(q.id, v)}
              onBlur={() => void flush()}
            />
          ))}
        </section>
      ))}
    </section>
  );
}
