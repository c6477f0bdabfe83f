import { formatDateTime } from '../../../../shared/time';
import { H, useDoc } from '../context';

/** Inquiry rows printed; the CSV holds them all. */
const PRINT_ROWS = 40;

/** Inquiries and escalations with on-time rates, then the contract deadlines ahead. */
export function DeskPage() {
  const { report: r, t, tx, f, print, customerName } = useDoc();
  const d = r.desk;
  const portfolio = r.kind === 'portfolio';
  const rows = print ? d.rows.slice(0, PRINT_ROWS) : d.rows;
  const when = (ms: number | null) => (ms === null ? '—' : formatDateTime(ms));
  const rate = (x: typeof d.firstAnswer) => (x.rate === null ? '—' : `${f.percent(x.rate, 0)}%`);
  const rateRow = (label: string, x: typeof d.firstAnswer) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{f.number(x.onTime)}</td>
      <td className="num">{f.number(x.late)}</td>
      <td className="num">{f.number(x.overdue)}</td>
      <td className="num">{f.number(x.pending)}</td>
      <td className="num rpt-strong">{rate(x)}</td>
    </tr>
  );
  return (
    <section className="rpt-page" data-page="desk" aria-labelledby="rpt-desk-title">
      <H depth={1} id="rpt-desk-title">
        {t('doc.page.desk')}
      </H>
      <p className="rpt-help">{d.side === 'partner' ? t('desk.help') : t('desk.customerHelp')}</p>
      {d.side === 'customer' ? (
        <dl className="rpt-facts" data-testid="report-desk">
          <dt>{t('desk.prepared')}</dt>
          <dd>{f.number(d.prepared)}</dd>
          <dt>{t('desk.sent')}</dt>
          <dd>{f.number(d.sent)}</dd>
        </dl>
      ) : d.received === 0 ? (
        <p className="rpt-muted" data-testid="report-desk">
          {t('desk.none')}
        </p>
      ) : (
        <div data-testid="report-desk">
          <dl className="rpt-counts">
            {(
              [
                ['received', d.received],
                ['answeredByPhone', d.answeredByPhone],
                ['escalated', d.escalated],
                ['acknowledged', d.acknowledged],
                ['secondLineAnswered', d.secondLineAnswered],
                ['refused', d.refused],
              ] as const
            ).map(([key, n]) => (
              <div key={key}>
                <dt>{t(`desk.${key}`)}</dt>
                <dd>{f.number(n)}</dd>
              </div>
            ))}
          </dl>
          <table className="rpt-table rpt-compact" data-testid="report-desk-rates">
            <thead>
              <tr>
                <td />
                <th scope="col" className="num">
                  {t('desk.onTime')}
                </th>
                <th scope="col" className="num">
                  {t('desk.late')}
                </th>
                <th scope="col" className="num">
                  {t('desk.overdue')}
                </th>
                <th scope="col" className="num">
                  {t('desk.pending')}
                </th>
                <th scope="col" className="num">
                  {t('desk.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rateRow(t('desk.firstAnswer'), d.firstAnswer)}
              {rateRow(t('desk.escalations'), d.escalations)}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <table className="rpt-table rpt-compact" data-testid="report-inquiries">
          <caption>
            {t('desk.rowsShown', { shown: f.number(rows.length), total: f.number(d.rowsTotal) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.col.id')}</th>
              {portfolio && <th scope="col">{t('desk.col.customer')}</th>}
              <th scope="col">{t('desk.col.channel')}</th>
              <th scope="col">{t('desk.col.receivedAt')}</th>
              <th scope="col">{t('desk.col.dueAt')}</th>
              <th scope="col">{t('desk.col.firstAnswerAt')}</th>
              <th scope="col">{t('desk.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-outcome={row.outcome}>
                <th scope="row" className="mono">
                  {row.id}
                </th>
                {portfolio && <td>{customerName(row.customerId)}</td>}
                <td>{row.channel ? tx(`reports:desk.channel.${row.channel}`) : '—'}</td>
                <td className="mono">{when(row.receivedAt)}</td>
                <td className="mono">{when(row.dueAt)}</td>
                <td className="mono">{when(row.firstAnswerAt)}</td>
                <td>
                  <span className={`rpt-badge rpt-o-${row.outcome}`}>
                    {tx(`reports:desk.outcome.${row.outcome}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ContractDeadlines />
    </section>
  );
}

function ContractDeadlines() {
  const { report: r, t, tx, f, customerName } = useDoc();
  const c = r.contracts;
  const portfolio = r.kind === 'portfolio';
  return (
    <section aria-labelledby="rpt-contracts-title" data-testid="report-contracts">
      <H depth={2} id="rpt-contracts-title">
        {t('doc.page.contracts')}
      </H>
      <p className="rpt-help">
        {t('contracts.help', { date: f.date(c.asOf), days: c.horizonDays })}
      </p>
      {c.rows.length === 0 ? (
        <p className="rpt-muted">{t('contracts.none', { days: c.horizonDays })}</p>
      ) : (
        <table className="rpt-table rpt-compact">
          <thead>
            <tr>
              {portfolio && <th scope="col">{t('contracts.customer')}</th>}
              <th scope="col">{t('contracts.service')}</th>
              <th scope="col">{t('contracts.contractNo')}</th>
              <th scope="col">{t('contracts.deadline')}</th>
              <th scope="col">{t('contracts.date')}</th>
              <th scope="col" className="num">
                {t('contracts.daysLeft')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.rows.map((row) => (
              <tr key={`${row.contractId}/${row.kind}`} data-action={row.actionNeeded ? '1' : '0'}>
                {portfolio && <td>{customerName(row.customerId)}</td>}
                <th scope="row">{tx(`catalog:service.${row.service}`)}</th>
                <td className="mono">{row.contractNo}</td>
                <td>
                  {tx(`reports:deadlineTitle.${row.kind}`)}
                  {row.actionNeeded && (
                    <span className="rpt-badge rpt-action">{t('contracts.actionNeeded')}</span>
                  )}
                </td>
                <td className="mono">{f.date(row.date)}</td>
                <td className="num">{t('contracts.days', { days: f.number(row.daysLeft) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
