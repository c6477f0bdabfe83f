import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  SEVERITIES,
  THREAT_CLASSES,
} from '../../../../shared/catalog';
import { isoDateToDay, formatShortDay } from '../../../../shared/time';
import { CLASS_COLORS, SEVERITY_COLORS, SOURCE_COLORS } from '../../dashboard/palette';
import { StackedBars } from '../Chart';
import { H, useDoc } from '../context';

/** Alerts per day by class and by source, and the month's breakdown. */
export function AlertsPage() {
  const { report: r, t, tx, f, print } = useDoc();
  const a = r.alerts;
  const days = a.days.map((d) => ({ date: d.date, ...d.byClass, ...d.bySource }));
  const shortDay = (date: string) => formatShortDay(isoDateToDay(date));
  const summary = t('alerts.byDaySummary', {
    from: f.date(r.period.from),
    to: f.date(r.period.to),
    total: f.number(a.total),
  });
  const share = (n: number) => (a.total === 0 ? '0.0' : f.percent(n / a.total, 1));
  const table = (
    caption: string,
    rows: Array<{ key: string; label: string; n: number; color?: string }>,
  ) => (
    <table className="rpt-table rpt-compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">
            {t('alerts.count')}
          </th>
          <th scope="col" className="num">
            {t('alerts.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {row.color && (
                <span className="rpt-swatch" aria-hidden="true" style={{ background: row.color }} />
              )}
              {row.label}
            </th>
            <td className="num">{f.number(row.n)}</td>
            <td className="num">{share(row.n)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="rpt-page" data-page="alerts" aria-labelledby="rpt-alerts-title">
      <H depth={1} id="rpt-alerts-title">
        {t('doc.page.alerts')}
      </H>
      <StackedBars
        testId="chart-report-by-class"
        title={t('alerts.byDay')}
        summary={summary}
        rows={days}
        category="date"
        categoryLabel={shortDay}
        series={THREAT_CLASSES.map((c) => ({
          key: c,
          label: tx(`catalog:threatClass.${c}`),
          color: CLASS_COLORS[c],
        }))}
        height={print ? 250 : 280}
        print={print}
        number={f.number}
      />
      <StackedBars
        testId="chart-report-by-source"
        title={t('alerts.bySource')}
        summary={summary}
        rows={days}
        category="date"
        categoryLabel={shortDay}
        series={ALERT_SOURCES.map((s) => ({
          key: s,
          label: tx(`catalog:source.${s}`),
          color: SOURCE_COLORS[s],
        }))}
        height={print ? 170 : 220}
        print={print}
        number={f.number}
      />
      <H depth={2}>
        {t('alerts.breakdownTitle', {
          total: f.number(a.total),
          previous: f.number(a.previousTotal),
        })}
      </H>
      <div className="rpt-grid" data-testid="alerts-breakdown">
        {table(
          t('alerts.severity'),
          SEVERITIES.map((s) => ({
            key: s,
            label: tx(`catalog:severity.${s}`),
            n: a.bySeverity[s],
            color: SEVERITY_COLORS[s],
          })),
        )}
        {table(
          t('alerts.class'),
          THREAT_CLASSES.map((c) => ({
            key: c,
            label: tx(`catalog:threatClass.${c}`),
            n: a.byClass[c],
            color: CLASS_COLORS[c],
          })),
        )}
        {table(
          t('alerts.source'),
          ALERT_SOURCES.map((s) => ({
            key: s,
            label: tx(`catalog:source.${s}`),
            n: a.bySource[s],
            color: SOURCE_COLORS[s],
          })),
        )}
        {table(
          t('alerts.status'),
          ALERT_STATUSES.map((s) => ({
            key: s,
            label: tx(`catalog:status.${s}`),
            n: a.byStatus[s],
          })),
        )}
      </div>
    </section>
  );
}
