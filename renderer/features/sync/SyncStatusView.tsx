import { useTranslation } from 'react-i18next';
import type { SyncError, SyncRun, SyncStatus } from '../../../shared/ops/sync';
import { useFormat } from '../../format';
import { useOnline } from './SyncIndicator';
import { useSync } from './store';

/** A sync error in the user's language, with every located issue (path: message). */
export function SyncErrorText({ error }: { error: SyncError }) {
  const { t } = useTranslation(['sync', 'errors']);
  // Issue messages carry their key (`errors:issue.*`, `sync:feedIssue.*`) as data.
  const tx = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  return (
    <>
      <span>{t(`error.${error.code}`, { status: error.status ?? '' })}</span>
      {error.issues && error.issues.length > 0 && (
        <ul className="sync-issues" data-testid="sync-issues">
          {error.issues.map((issue, i) => (
            <li key={i}>
              <span className="mono">{issue.path}</span>
              {': '}
              {tx(issue.message, issue.params)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Facts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const { dateTime, number, name } = useFormat();
  const progress = useSync((s) => s.progress);
  const online = useOnline();
  const when = (ms: number | null) => (ms === null ? t('status.none') : dateTime(ms));
  const health = online ? status.health : 'offline';
  const retry = status.running?.retry;
  return (
    <dl className="facts sync-facts" data-testid="sync-facts">
      <dt>{t('status.state')}</dt>
      <dd>
        <span className="sync-health" data-state={health} data-testid="sync-health">
          <span className="sync-dot" aria-hidden="true" />
          {t(`indicator.${health}`)}
        </span>
        {status.running && (
          <span className="muted small sync-progress" data-testid="sync-progress">
            {t('status.progress', { items: number(progress ?? status.running.items) })}
          </span>
        )}
        {retry && (
          <span className="muted small sync-progress">
            {t('status.retrying', {
              attempt: retry.attempt,
              time: dateTime(retry.at),
              reason: t(`error.${retry.code}`, { status: '' }),
            })}
          </span>
        )}
      </dd>
      <dt>{t('status.lastSuccess')}</dt>
      <dd data-testid="sync-last-success">{when(status.lastSuccessAt)}</dd>
      <dt>{t('status.lastAttempt')}</dt>
      <dd>{when(status.lastAttemptAt)}</dd>
      <dt>{t('status.nextRun')}</dt>
      <dd>{when(status.nextRunAt)}</dd>
      <dt>{t('status.totals')}</dt>
      <dd className="num-inline">{number(status.totals.items)}</dd>
      {status.config?.owner && (
        <>
          <dt>{t('status.owner')}</dt>
          <dd>{name(status.config.owner)}</dd>
        </>
      )}
    </dl>
  );
}

function Runs({ runs }: { runs: SyncRun[] }) {
  const { t } = useTranslation('sync');
  const { dateTime, number } = useFormat();
  if (runs.length === 0) return <p className="muted">{t('runs.empty')}</p>;
  const refusals = runs.find((r) => r.refusals.length > 0);
  return (
    <>
      <div className="sync-runs-wrap">
        <table className="table sync-runs" data-testid="sync-runs">
          <caption className="sr-only">{t('runs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('runs.startedAt')}</th>
              <th scope="col">{t('runs.trigger')}</th>
              <th scope="col">{t('runs.outcome')}</th>
              <th scope="col" className="num">
                {t('runs.items')}
              </th>
              <th scope="col" className="num">
                {t('runs.refused')}
              </th>
              <th scope="col" className="num">
                {t('runs.retries')}
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} data-outcome={r.outcome}>
                <td className="mono">{dateTime(r.startedAt)}</td>
                <td>{t(`runs.${r.trigger}`)}</td>
                <td>
                  {t(`outcome.${r.outcome}`)}
                  {r.error && (
                    <span className="muted small">
                      {' '}
                      — {t(`error.${r.error.code}`, { status: r.error.status ?? '' })}
                    </span>
                  )}
                </td>
                <td className="num">{number(r.items)}</td>
                <td className="num">{number(r.refused)}</td>
                <td className="num">{number(r.retries)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refusals && (
        <details className="sync-refusals">
          <summary>{t('refusals.title', { count: refusals.refused })}</summary>
          <p className="muted small">{t('refusals.intro')}</p>
          <ul>
            {refusals.refusals.map((f, i) => (
              <li key={i}>
                <span className="mono">{f.key}</span> ({f.customerId}) —{' '}
                {t(`refusals.reason.${f.reason}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Where the feed stands: state, times, the last error (located), recent runs. */
export function SyncStatusView({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const { dateTime } = useFormat();
  return (
    <div className="sync-status">
      <h3>{t('status.title')}</h3>
      <Facts status={status} />
      {status.lastError && (
        <div className="notice notice-error" role="alert" data-testid="sync-last-error">
          <strong>{t('error.title', { time: dateTime(status.lastError.at) })}</strong>{' '}
          <SyncErrorText error={status.lastError} />
        </div>
      )}
      {status.full && (
        <>
          <h3>{t('runs.title')}</h3>
          <Runs runs={status.runs} />
        </>
      )}
    </div>
  );
}
