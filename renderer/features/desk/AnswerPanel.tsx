import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryDetail } from '../../../shared/ops/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../api';
import { useDesk } from './store';
import { inputToMs, msToInput } from './text';

/**
 * The two ways out of the call (002 別紙3 1(2)②③): answer by phone (the first line answers by
 * phone only, 2(4)②) and record what was said; or, when the desk cannot answer or the answer
 * would be insufficient, escalate to the second-line window with the sheet.
 */
export function AnswerPanel({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const i = detail.inquiry;
  const act = useDesk((s) => s.act);
  const busy = useDesk((s) => s.busy);
  const actionError = useDesk((s) => s.actionError);
  const draft = useDesk((s) => s.answerDraft);
  const setDraft = useDesk((s) => s.setAnswerDraft);
  const [answeredAt, setAnsweredAt] = useState('');
  // The package is a Japanese document whatever the screen's language (issue #6: "a Japanese PDF
  // with an English option"); the second-line window works in Japanese (002 別紙3 2(2)).
  const [language, setLanguage] = useState<'ja' | 'en'>('ja');
  const id = useId();
  const verified =
    i.caller?.decision !== undefined &&
    i.caller?.decision !== null &&
    i.caller.decision !== 'refused';

  useEffect(() => {
    void call('app.info', {}).then((r) => r.ok && setAnsweredAt(msToInput(r.value.now)));
  }, []);

  const answer = async () => {
    if (!window.confirm(t('answer.confirm'))) return;
    await act('answer', 'desk.answer', {
      inquiryId: i.id,
      text: draft,
      ...(answeredAt ? { answeredAt: inputToMs(answeredAt) } : {}),
    });
  };
  const escalate = async () => {
    await act('escalate', 'desk.escalate', { inquiryId: i.id, language });
  };

  return (
    <section className="card desk-outcome" aria-labelledby={`${id}-h`} data-testid="answer-panel">
      <h2 id={`${id}-h`}>
        <span className="desk-step">3</span> {t('answer.title')}
      </h2>
      {!verified && <p className="notice notice-warn">{t('answer.verifyFirst')}</p>}
      <div className="desk-outcome-grid">
        <form
          className="desk-outcome-answer"
          onSubmit={(e) => {
            e.preventDefault();
            void answer();
          }}
        >
          <h3>{t('answer.byPhone')}</h3>
          <p className="muted small">{t('answer.byPhoneHelp')}</p>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('answer.text')}</label>
            <textarea
              id={`${id}-text`}
              rows={6}
              data-testid="answer-text"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-at`}>{t('answer.at')}</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              value={answeredAt}
              onChange={(e) => setAnsweredAt(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={!verified || !draft.trim() || busy !== null}
            data-testid="answer-record"
          >
            {t('answer.record')}
          </button>
          {actionError?.action === 'answer' && <ErrorNotice error={actionError.error} />}
        </form>
        <div className="desk-outcome-escalate">
          <h3>{t('escalation.title')}</h3>
          <p className="muted small">{t('escalation.help')}</p>
          <div className="segmented" role="group" aria-label={t('escalation.language')}>
            {(['ja', 'en'] as const).map((l) => (
              <button
                key={l}
                type="button"
                aria-pressed={language === l}
                data-testid={`package-lang-${l}`}
                onClick={() => setLanguage(l)}
              >
                {t(`escalation.lang.${l}`)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={!verified || busy !== null}
            data-testid="escalate"
            onClick={() => void escalate()}
          >
            {busy === 'escalate' ? t('escalation.building') : t('escalation.build')}
          </button>
          {actionError?.action === 'escalate' && (
            <div data-testid="escalate-error">
              {actionError.error.message === 'desk:error.sheetIncomplete' ? (
                <MissingAnswers
                  detail={detail}
                  paths={(actionError.error.issues ?? []).map((x) => x.path)}
                />
              ) : (
                <ErrorNotice error={actionError.error} />
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

/** The questions still to answer, each a button that takes the focus there. */
function MissingAnswers({ detail, paths }: { detail: InquiryDetail; paths: string[] }) {
  const { t, i18n } = useTranslation('desk');
  const label = (qid: string) => {
    const q = detail.template.sections.flatMap((s) => s.questions).find((x) => x.id === qid);
    return q ? (i18n.language === 'en' ? q.label.en : q.label.ja) : qid;
  };
  const focus = (qid: string) => {
    const el = document.getElementById(`q-${qid}`);
    const target = el?.matches('input, textarea, select') ? el : el?.querySelector('input');
    target?.focus();
  };
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t('escalation.missing')}</strong>
      <ul>
        {paths.map((p) => (
          <li key={p}>
            <button type="button" className="button-link" onClick={() => focus(p)}>
              {label(p)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
