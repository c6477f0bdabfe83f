import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEVICE_STATUSES, type DeviceStatus } from '../../../shared/devices';
import type { DeviceListItem } from '../../../shared/ops/devices';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { DeviceTable, type Group } from './DeviceTable';
import { useDevices } from './store';
import '../../styles/devices.css';

const groupOf = (d: DeviceListItem): Group =>
  d.device.kind === 'cts-sensor'
    ? 'cts'
    : d.device.kind === 'ddos' || d.device.kind === 'vpn'
      ? 'rented'
      : 'appliance';
const GROUPS: Group[] = ['cts', 'appliance', 'rented'];

/** Every device of the customers in view, grouped as the services rent or connect them. */
export function DevicesPage() {
  const { t } = useTranslation('devices');
  const { dateTime } = useFormat();
  const customerId = useSession((s) => s.customerId);
  const { list, loading, error, loadList } = useDevices();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter = DEVICE_STATUSES.includes(raw as DeviceStatus) ? (raw as DeviceStatus) : null;

  useEffect(() => {
    void loadList(customerId);
  }, [customerId, loadList]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.includes('devices')) void loadList(useSession.getState().customerId);
      }),
    [loadList],
  );

  const shown = list?.devices.filter((d) => filter === null || d.status === filter) ?? [];
  const setFilter = (s: DeviceStatus | null) =>
    setParams(s ? { status: s } : {}, { replace: true });

  return (
    <section className="page devices" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          {list && (
            <span className="muted" data-testid="as-of" data-value={list.asOf}>
              {t('asOf', { time: dateTime(list.asOf) })}
            </span>
          )}
          <div className="segmented" role="group" aria-label={t('filter.label')}>
            <button type="button" aria-pressed={filter === null} onClick={() => setFilter(null)}>
              {t('filter.all')}
            </button>
            {DEVICE_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={filter === s}
                onClick={() => setFilter(s)}
              >
                {t(`status.${s}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void loadList(customerId)} />}
      {!list ? (
        !error && <Loading />
      ) : list.devices.length === 0 ? (
        <p className="card muted">{t('empty')}</p>
      ) : shown.length === 0 ? (
        <p className="card muted">{t('emptyFilter')}</p>
      ) : (
        GROUPS.map((g) => {
          const rows = shown.filter((d) => groupOf(d) === g);
          return rows.length === 0 ? null : (
            <DeviceTable key={g} group={g} rows={rows} asOf={list.asOf} />
          );
        })
      )}
    </section>
  );
}
