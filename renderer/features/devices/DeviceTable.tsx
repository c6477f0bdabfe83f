import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CTS_LIMITS } from '../../../shared/devices';
import type { DeviceListItem } from '../../../shared/ops/devices';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { StatusChip } from './StatusChip';
import { useDeviceText } from './text';

export type Group = 'cts' | 'appliance' | 'rented';

function LoadBars({ d }: { d: DeviceListItem }) {
  const { t } = useTranslation('devices');
  if (!d.latest) return <span className="muted">{t('gauge.noSample')}</span>;
  const bars = [
    ['bandwidth', d.latest.bandwidthMbps / CTS_LIMITS.bandwidthMbps],
    ['endpoints', d.latest.endpoints / CTS_LIMITS.endpoints],
  ] as const;
  return (
    <ul className="load-bars">
      {bars.map(([key, ratio]) => {
        const percent = Math.round(ratio * 100);
        const level = ratio >= 0.9 ? 'critical' : ratio >= 0.8 ? 'warning' : 'ok';
        return (
          <li key={key}>
            <span className="load-label">{t(`gauge.${key}`)}</span>
            <span className="meter-bar" aria-hidden="true">
              <span
                className={`meter-fill level-${level}`}
                style={{ width: `${Math.min(100, percent)}%` }}
              />
            </span>
            <span className="num">{percent}%</span>
          </li>
        );
      })}
    </ul>
  );
}

/** One group of devices: CTS hardware, C-SOC appliances, or rented devices. */
export function DeviceTable({
  group,
  rows,
  asOf,
}: {
  group: Group;
  rows: DeviceListItem[];
  asOf: number;
}) {
  const { t } = useTranslation('devices');
  const { name, dateTime, date } = useFormat();
  const { reason, ago } = useDeviceText();
  const customers = useSession((s) => s.customers);
  const customerId = useSession((s) => s.customerId);
  const showCustomer = customerId === null && customers.length > 1;
  const headingId = `devices-${group}`;
  return (
    <section className="card device-group" aria-labelledby={headingId} data-testid={headingId}>
      <h2 id={headingId}>{t(`group.${group}`)}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('column.name')}</th>
            {showCustomer && <th scope="col">{t('column.customer')}</th>}
            {group !== 'cts' && <th scope="col">{t('column.model')}</th>}
            <th scope="col">{t('column.status')}</th>
            <th scope="col">{t(group === 'appliance' ? 'column.lastLog' : 'column.lastSeen')}</th>
            {group === 'cts' && <th scope="col">{t('column.load')}</th>}
            {group === 'rented' && <th scope="col">{t('column.return')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => {
            const customer = customers.find((c) => c.id === d.device.customerId);
            return (
              <tr key={d.device.id} data-testid={`device-${d.device.id}`}>
                <th scope="row">
                  <Link to={`/devices/${encodeURIComponent(d.device.id)}`} className="mono">
                    {d.device.name}
                  </Link>
                  <div className="muted small">{t(`kind.${d.device.kind}`)}</div>
                </th>
                {showCustomer && <td>{customer ? name(customer) : d.device.customerId}</td>}
                {group !== 'cts' && (
                  <td>
                    {d.device.vendor}
                    <div className="muted small">{d.device.model}</div>
                  </td>
                )}
                <td>
                  <StatusChip status={d.status} />
                  {d.reasons.length > 0 && (
                    <ul className="reasons small">
                      {d.reasons.map((r, i) => (
                        <li key={i}>{reason(r)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {ago(d.device.lastSeenAt, asOf)}
                  {d.device.lastSeenAt !== null && (
                    <div className="muted small">{dateTime(d.device.lastSeenAt)}</div>
                  )}
                </td>
                {group === 'cts' && (
                  <td>
                    <LoadBars d={d} />
                  </td>
                )}
                {group === 'rented' && (
                  <td data-testid={`return-${d.device.id}`}>
                    {d.returnRule?.deadline && d.contract?.endsOn ? (
                      <strong className="text-warn">
                        {t('return.deadline', {
                          end: date(d.contract.endsOn),
                          deadline: date(d.returnRule.deadline),
                        })}
                      </strong>
                    ) : d.returnRule ? (
                      <span className="small">
                        {d.returnRule.kind === 'within'
                          ? t('return.within', {
                              days: d.returnRule.days ?? 0,
                              article: d.returnRule.article,
                            })
                          : t('return.promptly', { article: d.returnRule.article })}
                      </span>
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
