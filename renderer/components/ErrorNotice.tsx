import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/result';

/** An error in the user's language, with each located issue and an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation(['errors', 'common']);
  // Error messages carry their key as data, so they are looked up untyped.
  const tx = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{tx(error.message, error.params)}</strong>
      {error.issues && error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>
              {tx('errors:at', {
                path: issue.line ? `${issue.path} (${issue.line})` : issue.path,
                message: tx(issue.message, issue.params),
              })}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common:state.retry')}
        </button>
      )}
    </div>
  );
}
