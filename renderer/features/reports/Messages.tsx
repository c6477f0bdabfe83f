import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useReports } from './store';

/** What the last action did, or why it failed (in the screen's language), announced politely. */
export function Messages() {
  const { t } = useTranslation('reports');
  const done = useReports((s) => s.done);
  const actionError = useReports((s) => s.actionError);
  const clear = useReports((s) => s.clearMessages);
  // A message belongs to the screen it was shown on.
  useEffect(() => () => clear(), [clear]);
  return (
    <>
      <div role="status" aria-live="polite" data-testid="report-status">
        {done && <p className="notice notice-ok">{t(`done.${done}`)}</p>}
      </div>
      {actionError && (
        <div data-testid="report-error">
          <ErrorNotice error={actionError} />
        </div>
      )}
    </>
  );
}
