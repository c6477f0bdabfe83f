import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../../../shared/catalog';
import { ALERT_TRANSITIONS, noteRequired } from '../../../shared/ops/alerts';
import type { ApiError } from '../../../shared/result';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  /** The current statuses of the alerts to change (one for the detail, several for a selection). */
  from: readonly AlertStatus[];
  count: number;
  onApply: (to: AlertStatus, note: string) => Promise<ApiError | null>;
  testId: string;
}

/** The moves every given alert allows: the workflow of shared/ops/alerts.ts. */
export function commonTargets(from: readonly AlertStatus[]): AlertStatus[] {
  if (from.length === 0) return [];
  const [first, ...rest] = from;
  return ALERT_TRANSITIONS[first!].filter((to) =>
    rest.every((s) => ALERT_TRANSITIONS[s].includes(to)),
  );
}

/** Buttons for the allowed moves; choosing one asks for the note (required to close or reopen). */
export function StatusChange({ from, count, onApply, testId }: Props) {
  const { t } = useTranslation(['alerts', 'catalog']);
  const noteId = useId();
  const [target, setTarget] = useState<AlertStatus | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const targets = commonTargets(from);
  const needsNote = target !== null && from.some((s) => noteRequired(s, target));
  if (targets.length === 0) return <p className="muted small">{t('status.none')}</p>;

  const apply = async () => {
    if (!target) return;
    setBusy(true);
    const e = await onApply(target, note.trim());
    setBusy(false);
    setError(e);
    if (!e) {
      setTarget(null);
      setNote('');
    }
  };

  return (
    <div className="status-change" data-testid={testId}>
      <div className="status-targets" role="group" aria-label={t('status.change')}>
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className={`button${target === to ? ' button-primary' : ''}`}
            aria-pressed={target === to}
            data-testid={`${testId}-to-${to}`}
            onClick={() => {
              setTarget(to);
              setError(null);
            }}
          >
            {t('bulk.to', { status: t(`catalog:status.${to}`) })}
          </button>
        ))}
      </div>
      {target && (
        <form
          className="status-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <p className="status-confirm-title">
            {t('status.confirmTitle', { count, status: t(`catalog:status.${target}`) })}
          </p>
          <label htmlFor={noteId}>
            {needsNote ? t('status.noteRequired') : t('status.noteOptional')}
          </label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={2000}
            value={note}
            required={needsNote}
            data-testid={`${testId}-note`}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="status-confirm-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy || (needsNote && note.trim() === '')}
              data-testid={`${testId}-apply`}
            >
              {t('status.apply')}
            </button>
            <button type="button" className="button" onClick={() => setTarget(null)}>
              {t('status.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
