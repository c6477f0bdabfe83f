import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useAttention } from '../devices/attention-store';
import { StatusChip } from '../devices/StatusChip';
import { useDeviceText } from '../devices/text';
import '../../styles/devices.css';

/**
 * What needs a look now (issue #5): devices that are Offline or Critical, and contracts with a
 * notice deadline or minimum-period end within 60 days. Hidden when there is nothing.
 */
export function AttentionList() {
  const { t } = useTranslation(['devices', 'contracts', 'catalog']);
  const { name, date } = useFormat();
  const { reason, ago } = useDeviceText();
  const customerId = useSession((s) => s.customerId);
  const customers = useSession((s) => s.customers);
  const { items, asOf, error, load } = useAttention();

  useEffect(() => {
    void load(customerId);
  }, [customerId, load]);
  useEffect(
    () => subscribe('data.changed', () => void load(useSession.getState().customerId)),
    [load],
  );

  if (error) return <ErrorNotice error={error} onRetry={() => void load(customerId)} />;
  if (!items || items.length === 0 || asOf === null) return null;
  const showCustomer = customerId === null && customers.length > 1;
  const customerName = (id: string) => {
    const c = customers.find((x) => x.id === id);
    return c ? name(c) : id;
  };
  return (
    <section className="card attention" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title">{t('devices:attention.title')}</h2>
      <ul className="attention-list">
        {items.map((item) =>
          item.kind === 'device' ? (
            <li key={`d-${item.deviceId}`} data-testid={`attention-device-${item.deviceId}`}>
              <StatusChip status={item.status} />
              <Link to={`/devices/${encodeURIComponent(item.deviceId)}`} className="mono">
                {item.name}
              </Link>
              {showCustomer && <span className="muted">{customerName(item.customerId)}</span>}
              <span>
                {item.reasons[0] ? reason(item.reasons[0]) : t(`devices:kind.${item.deviceKind}`)}
              </span>
              <span className="muted small">
                {t('devices:attention.lastSeen', { ago: ago(item.lastSeenAt, asOf) })}
              </span>
            </li>
          ) : (
            <li key={`k-${item.contractId}`} data-testid={`attention-contract-${item.contractId}`}>
              <span className="chip chip-warn">{t('contracts:badge.actionNeeded')}</span>
              <Link to="/contracts">{item.contractNo}</Link>
              {showCustomer && <span className="muted">{customerName(item.customerId)}</span>}
              <span>
                {t('devices:attention.contract', {
                  service: t(`catalog:service.${item.service}`),
                  kind: t(`contracts:kind.${item.next.kind}`),
                  date: date(item.next.date),
                })}
              </span>
              <span className="muted small">
                {t('contracts:value.daysLeft', { count: item.next.daysLeft })}
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
