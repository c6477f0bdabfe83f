import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLedger } from '../../../shared/ops/sla';
import type { ClaimDeadline, LedgerMonth, ServiceLedger } from '../../../shared/sla-ledger';
import { useFormat } from '../../format';
import { useContractLabel } from '../contracts/label';

const LATE_SHOWN = 10;

/** "2026年11月" / "Nov 2026". */
export function useMonthName() {
  const { t } = useTranslation('sla');
  return (month: string) =>
    t('value.month', {
      year: month.slice(0, 4),
      monthName: t(`monthNames.${String(Number(month.slice(5, 7))) as '1'}`),
    });
}

export function Deadline({ d }: { d: ClaimDeadline }) {
  const { t } = useTranslation('sla');
  const { date } = useFormat();
  return (
    <div className={`deadline deadline-${d.state}`} data-state={d.state} data-date={d.date}>
      <span>{t(`deadline.${d.kind}`, { date: date(d.date) })}</span>
      {d.state === 'near' && (
        <span className="chip chip-near">
          {t('deadline.near')} · {t('value.daysLeft', { count: d.daysLeft })}
        </span>
      )}
      {d.state === 'lapsed' && <span className="chip chip-muted">{t('deadline.lapsed')}</span>}
      <span className="cite">{t(`deadline.${d.kind}Article`)}</span>
    </div>
  );
}

function Detail({ m, customer }: { m: LedgerMonth; customer: CustomerLedger }) {
  const { t } = useTranslation('sla');
  // Module ids come from the alerts table; their labels are keyed by id.
  const tm = t as unknown as (key: string) => string;
  const { number, dateTime } = useFormat();
  const label = useContractLabel();
  return (
    <div className="ledger-detail">
      <h4>{t('detail.credits')}</h4>
      {m.credits.length === 0 ? (
        <p className="muted small">{t('detail.noCredit')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('detail.contract')}</th>
              <th scope="col" className="num">
                {t('detail.fee')}
              </th>
              <th scope="col">{t('detail.outages')}</th>
              <th scope="col">{t('detail.breach')}</th>
              <th scope="col" className="num">
                {t('detail.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.credits.map((c) => {
              const k = customer.contracts.find((x) => x.id === c.contractId);
              const long = c.outagesHours.filter((h) => h >= 24);
              return (
                <tr key={c.contractId} data-testid={`credit-${c.contractId}`}>
                  <th scope="row">
                    {k ? label.part(k) || label.service(k) : c.contractId}
                    {k && <div className="mono muted small">{k.contractNo}</div>}
                  </th>
                  <td className="num">{t('value.yen', { amount: number(c.monthlyFee) })}</td>
                  <td>
                    {long.length === 0
                      ? t('value.none')
                      : long
                          .map((h) => t('detail.hours', { hours: number(Math.floor(h * 10) / 10) }))
                          .join('、')}
                  </td>
                  <td>{c.guaranteeBreached ? t('guarantee.breached') : t('value.none')}</td>
                  <td className="num">{t('value.yen', { amount: number(c.amount) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {m.lateIncidents.length > 0 && (
        <>
          <h4>{t('detail.late')}</h4>
          <table className="table compact" data-testid={`late-${m.month}`}>
            <thead>
              <tr>
                <th scope="col">{t('detail.detected')}</th>
                <th scope="col">{t('detail.notifiedAt')}</th>
                <th scope="col" className="num">
                  {t('detail.delay')}
                </th>
                <th scope="col">{t('detail.module')}</th>
              </tr>
            </thead>
            <tbody>
              {m.lateIncidents.slice(0, LATE_SHOWN).map((a) => (
                <tr key={a.id}>
                  <td>{dateTime(a.detectedAt)}</td>
                  <td>
                    {a.notifiedAt === null ? t('detail.notNotified') : dateTime(a.notifiedAt)}
                  </td>
                  <td className="num">{t('detail.minutes', { count: a.minutes })}</td>
                  <td>{a.module ? tm(`contracts:module.${a.module}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {m.lateIncidents.length > LATE_SHOWN && (
            <p className="muted small">
              {t('detail.moreLate', { count: m.lateIncidents.length - LATE_SHOWN })}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** One service's months, newest first, each with an expandable breakdown. */
export function LedgerTable({
  ledger,
  customer,
}: {
  ledger: ServiceLedger;
  customer: CustomerLedger;
}) {
  const { t } = useTranslation('sla');
  const { number } = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const monthName = useMonthName();
  const months = [...ledger.months].reverse();
  const csoc = ledger.service === 'iij-c-soc';
  return (
    <table className="table ledger" data-testid={`ledger-${customer.customerId}-${ledger.service}`}>
      <thead>
        <tr>
          <th scope="col">{t('column.month')}</th>
          {csoc && (
            <th scope="col" className="num">
              {t('column.incidents')}
            </th>
          )}
          {csoc && <th scope="col">{t('column.notified')}</th>}
          <th scope="col">{t('column.availability')}</th>
          <th scope="col">{t('column.guarantee')}</th>
          <th scope="col" className="num">
            {t('column.credit')}
          </th>
          <th scope="col">{t('column.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => {
          const id = `${customer.customerId}-${ledger.service}-${m.month}`;
          const expanded = open === m.month;
          return (
            <Fragment key={m.month}>
              <tr data-testid={`month-${id}`} className={m.claimNear ? 'row-near' : ''}>
                <th scope="row">
                  {monthName(m.month)}
                  {m.inProgress && <span className="chip chip-muted">{t('value.inProgress')}</span>}
                  <button
                    type="button"
                    className="sla-link small"
                    aria-expanded={expanded}
                    aria-controls={`detail-${id}`}
                    onClick={() => setOpen(expanded ? null : m.month)}
                    aria-label={t(expanded ? 'detail.hide' : 'detail.show', {
                      month: monthName(m.month),
                    })}
                  >
                    {t('detail.button')} {expanded ? '▴' : '▾'}
                  </button>
                </th>
                {csoc && (
                  <td className="num" data-testid={`incidents-${id}`}>
                    {t('value.incidents', { count: m.incidents?.important ?? 0 })}
                  </td>
                )}
                {csoc && m.incidents && (
                  <td data-testid={`notified-${id}`}>
                    {t('value.notified', {
                      within: number(m.incidents.within),
                      total: number(m.incidents.important),
                    })}
                    {m.incidents.late > 0 && (
                      <span className="chip chip-overdue">
                        {t('value.late', { count: m.incidents.late })}
                      </span>
                    )}
                    {m.incidents.pending > 0 && (
                      <span className="chip chip-muted">
                        {t('value.pending', { count: m.incidents.pending })}
                      </span>
                    )}
                  </td>
                )}
                <td data-testid={`availability-${id}`} data-value={m.availability}>
                  {t('value.availability', {
                    percent: number(Math.floor(m.availability * 100_000) / 1000),
                  })}
                  {m.outageMinutes > 0 && (
                    <div className="muted small">
                      {t('value.outageMinutes', { minutes: number(Math.round(m.outageMinutes)) })}
                    </div>
                  )}
                </td>
                <td data-testid={`guarantee-${id}`} data-value={m.guarantee}>
                  <span className={`chip guarantee-${m.guarantee}`}>
                    {t(`guarantee.${m.guarantee}`)}
                  </span>
                  {m.breaches.length > 0 && (
                    <div className="small">
                      {m.breaches.map((b) => t(`guarantee.${b}`)).join('・')}
                    </div>
                  )}
                </td>
                <td className="num" data-testid={`credit-${id}`} data-value={m.creditTotal}>
                  {m.creditTotal > 0 ? (
                    <strong>{t('value.yen', { amount: number(m.creditTotal) })}</strong>
                  ) : (
                    <span className="muted">{t('value.none')}</span>
                  )}
                </td>
                <td data-testid={`deadlines-${id}`}>
                  {m.deadlines.map((d) => (
                    <Deadline key={`${d.kind}-${d.outageId ?? ''}`} d={d} />
                  ))}
                </td>
              </tr>
              {expanded && (
                <tr id={`detail-${id}`} className="detail-row">
                  <td colSpan={csoc ? 7 : 5}>
                    <Detail m={m} customer={customer} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
