import { H, useDoc } from '../context';

/** A partner's portfolio report: one line per customer, from the report's own sections. */
export function PortfolioPage() {
  const { report: r, t, f, customerName } = useDoc();
  if (!r.portfolio) return null;
  const pct = (x: number | null, digits: number) => (x === null ? '—' : `${f.percent(x, digits)}%`);
  return (
    <section className="rpt-page" data-page="portfolio" aria-labelledby="rpt-portfolio-title">
      <H depth={1} id="rpt-portfolio-title">
        {t('doc.page.portfolio')}
      </H>
      <table className="rpt-table" data-testid="report-portfolio">
        <thead>
          <tr>
            <th scope="col" className="rpt-name">
              {t('portfolio.customer')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.alerts')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.criticalHigh')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.devices')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.uptime')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.sla')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.credit')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.onTime')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.deadlines')}
            </th>
          </tr>
        </thead>
        <tbody>
          {r.portfolio.map((p) => (
            <tr key={p.customerId} data-customer={p.customerId}>
              <th scope="row">{customerName(p.customerId)}</th>
              <td className="num">{f.number(p.alerts)}</td>
              <td className="num">{f.number(p.criticalHigh)}</td>
              <td className="num">
                {f.number(p.devices)}
                {p.unhealthyDevices > 0 && ` (${f.number(p.unhealthyDevices)})`}
              </td>
              <td className="num">{pct(p.uptime, 2)}</td>
              <td className="num">{f.number(p.guaranteeBreaches)}</td>
              <td className="num">{p.creditTotal > 0 ? f.yen(p.creditTotal) : '—'}</td>
              <td className="num">{pct(p.onTimeRate, 0)}</td>
              <td className="num">
                {f.number(p.deadlines)}
                {p.actionNeeded > 0 && ` (${f.number(p.actionNeeded)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
