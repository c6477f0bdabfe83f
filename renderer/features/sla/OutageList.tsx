import { useTranslation } from 'react-i18next';
import type { CustomerLedger, OutageRecord } from '../../../shared/ops/sla';
import { HOUR_MS } from '../../../shared/time';
import { useFormat } from '../../format';
import { useContractLabel } from '../contracts/label';

/** A customer's recorded outages, newest first, with edit, delete and history. */
export function OutageList({
  customer,
  onEdit,
  onDelete,
  onHistory,
}: {
  customer: CustomerLedger;
  onEdit: (o: OutageRecord) => void;
  onDelete: (o: OutageRecord) => void;
  onHistory: (o: OutageRecord) => void;
}) {
  const { t } = useTranslation('sla');
  const { dateTime, number } = useFormat();
  const label = useContractLabel();
  if (customer.outages.length === 0) return <p className="muted">{t('outages.empty')}</p>;
  return (
    <table className="table outages" data-testid={`outages-${customer.customerId}`}>
      <thead>
        <tr>
          <th scope="col">{t('outages.service')}</th>
          <th scope="col">{t('outages.startedAt')}</th>
          <th scope="col">{t('outages.knownAt')}</th>
          <th scope="col">{t('outages.endedAt')}</th>
          <th scope="col" className="num">
            {t('outages.duration')}
          </th>
          <th scope="col">{t('outages.vendorFault')}</th>
          <th scope="col">{t('outages.note')}</th>
          <th scope="col">{t('outages.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {customer.outages.map((o) => {
          const k = customer.contracts.find((x) => x.id === o.contractId);
          const hours = o.endedAt === null ? null : (o.endedAt - o.startedAt) / HOUR_MS;
          return (
            <tr key={o.id} data-testid={`outage-${o.id}`}>
              <th scope="row">
                {t(`service.${o.service}`)}
                <div className="muted small">
                  {k
                    ? `${label.part(k) || label.service(k)} (${k.contractNo})`
                    : t('outages.scopeAll')}
                </div>
              </th>
              <td>{dateTime(o.startedAt)}</td>
              <td>{o.knownAt === null ? '—' : dateTime(o.knownAt)}</td>
              <td>
                {o.endedAt === null ? (
                  <span className="chip chip-overdue">{t('outages.ongoing')}</span>
                ) : (
                  dateTime(o.endedAt)
                )}
              </td>
              <td className="num">
                {hours === null
                  ? '—'
                  : t('outages.hours', { hours: number(Math.round(hours * 10) / 10) })}
              </td>
              <td>{o.vendorFault ? t('outages.vendorFaultYes') : t('outages.vendorFaultNo')}</td>
              <td className="note-cell">{o.note}</td>
              <td className="actions">
                <button type="button" className="sla-link" onClick={() => onEdit(o)}>
                  {t('outages.edit')}
                </button>
                <button type="button" className="sla-link danger" onClick={() => onDelete(o)}>
                  {t('outages.delete')}
                </button>
                <button type="button" className="sla-link" onClick={() => onHistory(o)}>
                  {t('outages.history')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
