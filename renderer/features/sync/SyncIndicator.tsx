import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SyncHealth } from '../../../shared/ops/sync';
import { useFormat } from '../../format';
import { useSync, useSyncLive } from './store';
import '../../styles/sync.css';

const onOnlineChange = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

/** The OS's word on the network (false: certainly offline; true: perhaps online). */
export function useOnline(): boolean {
  return useSyncExternalStore(onOnlineChange, () => navigator.onLine);
}

export type IndicatorState = SyncHealth | 'offline';

/**
 * The header's sync light: offline (no network, or the feed unreachable at the last try), syncing,
 * synced at a time, an error, or no feed. A click runs the feed now for a profile that may; for
 * anyone else it opens the settings, where the details are.
 */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const { dateTime } = useFormat();
  const navigate = useNavigate();
  const online = useOnline();
  const status = useSync((s) => s.status);
  const running = useSync((s) => s.running);
  const run = useSync((s) => s.run);
  useSyncLive();

  const state: IndicatorState = !online
    ? 'offline'
    : running && status?.health !== 'offline'
      ? 'syncing'
      : (status?.health ?? 'unconfigured');
  const time = status?.lastSuccessAt ? dateTime(status.lastSuccessAt).slice(11) : null;
  const label = state === 'ok' && time ? t('indicator.okAt', { time }) : t(`indicator.${state}`);
  const canRun = Boolean(status?.canConfigure && status.configured && status.config?.tokenSet);
  const hint = canRun && online ? t('indicator.hintRun') : t('indicator.hintSettings');
  const detail = status?.lastSuccessAt
    ? t('indicator.lastSuccess', { time: dateTime(status.lastSuccessAt) })
    : '';

  return (
    <>
      <button
        type="button"
        className="sync-indicator"
        data-state={state}
        data-testid="sync-indicator"
        title={[detail, hint].filter(Boolean).join('\n')}
        aria-label={`${t('indicator.label', { state: label })} ${hint}`}
        disabled={state === 'syncing'}
        onClick={() => (canRun && online ? void run() : void navigate('/settings#sync'))}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-indicator-text">{label}</span>
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {state === 'offline' || state === 'error' ? label : ''}
      </span>
    </>
  );
}
