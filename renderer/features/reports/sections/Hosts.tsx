import { THREAT_CLASSES } from '../../../../shared/catalog';
import { CLASS_COLORS } from '../../dashboard/palette';
import { StackedBars } from '../Chart';
import { H, useDoc } from '../context';

/** The six-month trend, the hosts with the most alerts and the attack stages. */
export function HostsPage() {
  const { report: r, t, tx, f, print, customerName } = useDoc();
  const months = r.alerts.months.map((m) => ({ month: m.month, ...m.byClass }));
  const portfolio = r.kind === 'portfolio';
  const stages = r.killChain.phases.map((p) => ({
    phase: p.phase,
    reported: p.reported,
    typical: p.typical,
  }));
  const first = r.alerts.months[0]?.month ?? r.month;
  return (
    <section className="rpt-page" data-page="hosts" aria-labelledby="rpt-hosts-title">
      <H depth={1} id="rpt-hosts-title">
        {t('doc.page.hosts')}
      </H>
      <StackedBars
        testId="chart-report-trend"
        title={t('alerts.trend')}
        summary={t('alerts.trendSummary', { first: f.month(first), last: f.month(r.month) })}
        rows={months}
        category="month"
        categoryLabel={(m) => f.month(m)}
        series={THREAT_CLASSES.map((c) => ({
          key: c,
          label: tx(`catalog:threatClass.${c}`),
          color: CLASS_COLORS[c],
        }))}
        height={print ? 210 : 240}
        print={print}
        number={f.number}
      />

      <H depth={2}>{t('hosts.heading', { count: 10 })}</H>
      {r.topHosts.length === 0 ? (
        <p className="rpt-muted">{t('hosts.none')}</p>
      ) : (
        <table className="rpt-table" data-testid="report-top-hosts">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('hosts.rank')}
              </th>
              <th scope="col">{t('hosts.host')}</th>
              {portfolio && <th scope="col">{t('hosts.customer')}</th>}
              <th scope="col" className="num">
                {t('hosts.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.topHosts.map((h, i) => (
              <tr key={`${h.customerId}/${h.host}`}>
                <td className="num">{i + 1}</td>
                <th scope="row" className="mono">
                  {h.host}
                </th>
                {portfolio && <td>{customerName(h.customerId)}</td>}
                <td className="num">{f.number(h.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="rpt-stages">
        <StackedBars
          testId="chart-report-kill-chain"
          title={t('killChain.heading')}
          summary={t('killChain.summary', {
            total: f.number(
              stages.reduce((n, s) => n + s.reported + s.typical, 0) + r.killChain.unknown,
            ),
          })}
          rows={stages}
          category="phase"
          categoryLabel={(p) => tx(`reports:killChain.${p}`)}
          series={[
            { key: 'reported', label: t('killChain.reported'), color: '#1f5fa8' },
            { key: 'typical', label: t('killChain.typical'), color: '#9bb8dd' },
          ]}
          height={print ? 220 : 240}
          print={print}
          number={f.number}
          vertical
          categoryWidth={r.language === 'ja' ? 190 : 210}
        />
        <p className="rpt-help">{t('killChain.help')}</p>
      </div>
    </section>
  );
}
