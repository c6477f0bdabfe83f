import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useSla } from './store';

/** Asks before deleting: the confirm button is not the default, Escape cancels. */
export function ConfirmDelete({
  text,
  onConfirm,
  onClose,
}: {
  text: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('sla');
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="form-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{t('confirm.title')}</h2>
      <p id={`${id}-body`}>{text}</p>
      <div className="form-actions">
        <button type="button" className="button" autoFocus onClick={() => ref.current?.close()}>
          {t('confirm.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            onConfirm();
            ref.current?.close();
          }}
        >
          {t('confirm.ok')}
        </button>
      </div>
    </dialog>
  );
}

/** Who recorded, changed or deleted an outage, and when (the audit log). */
export function HistoryDialog() {
  const { t } = useTranslation('sla');
  const { dateTime, language } = useFormat();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const { history, closeHistory } = useSla();
  useEffect(() => {
    if (history) ref.current?.showModal();
  }, [history]);
  if (!history) return null;
  return (
    <dialog
      ref={ref}
      className="form-dialog"
      aria-labelledby={`${id}-title`}
      onClose={closeHistory}
    >
      <h2 id={`${id}-title`}>{t('history.title')}</h2>
      {history.entries.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <table className="table compact" data-testid="outage-history">
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.action')}</th>
              <th scope="col">{t('history.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {history.entries.map((e, i) => (
              <tr key={i}>
                <td>{dateTime(e.at)}</td>
                <td>
                  {e.action === 'outage.create'
                    ? t('history.actions.create')
                    : e.action === 'outage.update'
                      ? t('history.actions.update')
                      : t('history.actions.delete')}
                </td>
                <td>{e.actorName ? e.actorName[language] : t('history.system')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('history.close')}
        </button>
      </div>
    </dialog>
  );
}
