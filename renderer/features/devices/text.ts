import { useTranslation } from 'react-i18next';
import type { StatusReason } from '../../../shared/devices';
import { HOUR_MS, MINUTE_MS } from '../../../shared/time';

/** Reasons and durations in the current language. */
export function useDeviceText() {
  const { t } = useTranslation('devices');
  const duration = (minutes: number) =>
    minutes < 120
      ? t('duration.minutes', { count: minutes })
      : minutes < 48 * 60
        ? t('duration.hours', { count: Math.floor(minutes / 60) })
        : t('duration.days', { count: Math.floor(minutes / 1440) });
  const reason = (r: StatusReason) => {
    switch (r.key) {
      case 'notInstalled':
      case 'dataCollectionPending':
        return t(`reason.${r.key}`);
      case 'silent':
        return t('reason.silent', { duration: duration(r.minutes) });
      case 'bandwidth':
      case 'endpoints':
      case 'cpu':
      case 'memory':
      case 'disk':
        return t(`reason.${r.key}`, { percent: r.percent });
    }
  };
  /** "3 min ago" from the main process's clock (`asOf`), not the renderer's. */
  const ago = (at: number | null, asOf: number) => {
    if (at === null) return t('ago.never');
    const ms = Math.max(0, asOf - at);
    if (ms < MINUTE_MS) return t('ago.now');
    if (ms < HOUR_MS * 2) return t('ago.minutes', { count: Math.floor(ms / MINUTE_MS) });
    if (ms < HOUR_MS * 48) return t('ago.hours', { count: Math.floor(ms / HOUR_MS) });
    return t('ago.days', { count: Math.floor(ms / (24 * HOUR_MS)) });
  };
  return { reason, ago, duration };
}
