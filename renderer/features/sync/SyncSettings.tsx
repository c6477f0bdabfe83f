import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { feedUrlProblem } from '../../../shared/feed/url';
import type { SyncStatus } from '../../../shared/ops/sync';
import type { ApiError } from '../../../shared/result';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useOnline } from './SyncIndicator';
import { SyncErrorText, SyncStatusView } from './SyncStatusView';
import { useSync, useSyncLive } from './store';
import '../../styles/sync.css';

const INTERVALS = [5, 15, 30, 60, 180, 720, 1440];

function Form({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const id = useId();
  const configure = useSync((s) => s.configure);
  const disconnect = useSync((s) => s.disconnect);
  const [url, setUrl] = useState(status.config?.url ?? '');
  const [token, setToken] = useState('');
  const [removeToken, setRemoveToken] = useState(false);
  const [minutes, setMinutes] = useState(status.config?.intervalMinutes ?? 15);
  const [enabled, setEnabled] = useState(status.config?.enabled ?? true);
  const [reset, setReset] = useState(false);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const tokenSet = status.config?.tokenSet ?? false;
  const intervals = INTERVALS.includes(minutes)
    ? INTERVALS
    : [...INTERVALS, minutes].sort((a, b) => a - b);

  const save = async () => {
    setSaved(false);
    setError(null);
    const problem = feedUrlProblem(url.trim());
    setUrlError(problem && t(`urlProblem.${problem}`));
    if (problem) return;
    const e = await configure({
      url: url.trim(),
      intervalMinutes: minutes,
      enabled,
      ...(token !== '' ? { token } : removeToken ? { token: null } : {}),
      ...(reset && { resetCursor: true }),
    });
    if (e) return setError(e);
    setToken('');
    setRemoveToken(false);
    setReset(false);
    setSaved(true);
  };
  const every = (m: number) =>
    m % 60 === 0 ? t('form.hours', { count: m / 60 }) : t('form.minutes', { count: m });

  return (
    <form
      className="sync-form"
      data-testid="sync-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="sync-field">
        <label htmlFor={`${id}-url`}>{t('form.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          className="sync-url"
          data-testid="sync-url"
          placeholder="https://feed.example.jp/feed/v1"
          aria-invalid={urlError !== null}
          aria-describedby={`${id}-url-help`}
          value={url}
          onChange={(e) => {
            setUrl(e.target.value);
            setUrlError(null);
          }}
        />
        <p id={`${id}-url-help`} className={urlError ? 'sync-field-error' : 'muted small'}>
          {urlError ?? t('form.urlHelp')}
        </p>
      </div>
      <div className="sync-field">
        <label htmlFor={`${id}-token`}>{t('form.token')}</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="new-password"
          data-testid="sync-token"
          aria-describedby={`${id}-token-help`}
          value={token}
          disabled={removeToken}
          onChange={(e) => setToken(e.target.value)}
        />
        <p id={`${id}-token-help`} className="muted small" data-testid="sync-token-state">
          {tokenSet ? t('form.tokenSet') : t('form.tokenNotSet')}
        </p>
        {tokenSet && (
          <label className="sync-check">
            <input
              type="checkbox"
              checked={removeToken}
              onChange={(e) => setRemoveToken(e.target.checked)}
            />
            {t('form.tokenRemove')}
          </label>
        )}
      </div>
      <div className="sync-row">
        <div className="sync-field">
          <label htmlFor={`${id}-interval`}>{t('form.interval')}</label>
          <select
            id={`${id}-interval`}
            data-testid="sync-interval"
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          >
            {intervals.map((m) => (
              <option key={m} value={m}>
                {every(m)}
              </option>
            ))}
          </select>
        </div>
        <label className="sync-check">
          <input
            type="checkbox"
            data-testid="sync-enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
          />
          {t('form.enabled')}
        </label>
      </div>
      {status.configured && (
        <label className="sync-check">
          <input type="checkbox" checked={reset} onChange={(e) => setReset(e.target.checked)} />
          {t('form.reset')}
        </label>
      )}
      {error && <ErrorNotice error={error} />}
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="sync-saved">
          {t('form.saved')}
        </p>
      )}
      <div className="sync-actions">
        <button type="submit" className="button button-primary" data-testid="sync-save">
          {t('form.save')}
        </button>
        <RunButton status={status} />
        {status.configured && (
          <button
            type="button"
            className="button button-quiet"
            data-testid="sync-disconnect"
            onClick={() => setConfirming(true)}
          >
            {t('actions.disconnect')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('actions.disconnectTitle')}
        confirmLabel={t('actions.disconnect')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void disconnect().then((e) => {
            setError(e);
            if (!e) {
              setUrl('');
              setToken('');
            }
          });
        }}
      >
        <p>{t('actions.disconnectBody')}</p>
      </ConfirmDialog>
    </form>
  );
}

function RunButton({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const { number } = useFormat();
  const running = useSync((s) => s.running);
  const run = useSync((s) => s.run);
  const lastRun = useSync((s) => s.lastRun);
  const runError = useSync((s) => s.runError);
  const online = useOnline();
  const ready = status.configured && Boolean(status.config?.tokenSet);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="sync-run"
        disabled={!ready || running || status.running !== null}
        onClick={() => void run()}
      >
        {running || status.running ? t('actions.running') : t('actions.runNow')}
      </button>
      <span className="sync-run-result" role="status" data-testid="sync-run-result">
        {!online ? (
          t('offlineNote')
        ) : running ? null : lastRun?.error ? (
          <SyncErrorText error={lastRun.error} />
        ) : lastRun ? (
          t('runs.summary', {
            outcome: t(`outcome.${lastRun.outcome}`),
            items: number(lastRun.items),
            refused: number(lastRun.refused),
          })
        ) : null}
      </span>
      {online && runError && <ErrorNotice error={runError} />}
    </>
  );
}

/** Settings → Feed sync: the connection, "sync now", and where the feed stands. */
export function SyncSettings() {
  const { t } = useTranslation('sync');
  const status = useSync((s) => s.status);
  const error = useSync((s) => s.error);
  const load = useSync((s) => s.load);
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useSyncLive();
  // The header's indicator links here (#/settings#sync): bring the section into view.
  useEffect(() => {
    if (location.hash === '#sync' && status) ref.current?.scrollIntoView({ block: 'start' });
  }, [location.hash, status]);

  if (!status)
    return error ? <ErrorNotice error={error} onRetry={() => void load()} /> : <Loading />;
  return (
    <div className="sync-settings" ref={ref} data-testid="sync-settings">
      <p className="muted small">{t('section.lead')}</p>
      {status.canConfigure ? (
        <Form status={status} />
      ) : (
        <p className="notice sync-readonly" data-testid="sync-readonly">
          {t('section.readOnly')}
        </p>
      )}
      {status.configured && <SyncStatusView status={status} />}
    </div>
  );
}
