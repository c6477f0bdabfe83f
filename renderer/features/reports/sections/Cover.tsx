import { formatDateTime } from '../../../../shared/time';
import { H, useDoc } from '../context';

/** Page 1: who and which month, the executive summary and the key figures. */
export function Cover() {
  const { report: r, t, f, customerName } = useDoc();
  const lang = r.language;
  const title =
    r.kind === 'portfolio'
      ? t('doc.titlePortfolio', { name: r.partner?.name[lang] ?? '' })
      : t('doc.titleCustomer', { name: customerName(r.customers[0]!.id) });
  const csoc = r.sla.filter((s) => s.service === 'iij-c-soc' && s.ledger.incidents);
  const important = csoc.reduce((n, s) => n + (s.ledger.incidents?.important ?? 0), 0);
  const within = csoc.reduce((n, s) => n + (s.ledger.incidents?.within ?? 0), 0);
  const measured = r.devices.filter((d) => d.expected > 0);
  const expected = measured.reduce((n, d) => n + d.expected, 0);
  const uptime = expected === 0 ? null : measured.reduce((n, d) => n + d.reported, 0) / expected;
  const urgent = r.alerts.bySeverity.critical + r.alerts.bySeverity.high;
  const rate = r.desk.side === 'partner' ? r.desk.firstAnswer.rate : null;
  const kpis: Array<[string, string, string]> = [
    ['alerts', t('doc.kpi.alerts'), f.number(r.alerts.total)],
    ['urgent', t('doc.kpi.urgent'), f.number(urgent)],
    [
      'notices',
      t('doc.kpi.notices'),
      important === 0 ? t('doc.notApplicable') : `${f.number(within)} / ${f.number(important)}`,
    ],
    [
      'uptime',
      t('doc.kpi.uptime'),
      uptime === null ? t('doc.notApplicable') : `${f.percent(uptime, 2)}%`,
    ],
    [
      'onTime',
      t('doc.kpi.onTime'),
      rate === null ? t('doc.notApplicable') : `${f.percent(rate, 0)}%`,
    ],
    ['deadlines', t('doc.kpi.deadlines'), f.number(r.contracts.rows.length)],
  ];
  return (
    <section className="rpt-page rpt-cover" data-page="cover" aria-labelledby="rpt-title">
      <p className="rpt-kicker">{t('doc.kicker')}</p>
      <H depth={0} id="rpt-title">
        {title}
      </H>
      <dl className="rpt-facts">
        <dt>{t('doc.period')}</dt>
        <dd data-testid="report-period">
          {t('doc.periodValue', { from: f.date(r.period.from), to: f.date(r.period.to) })}
        </dd>
        {r.partner && (
          <>
            <dt>{t('doc.partner')}</dt>
            <dd>{r.partner.name[lang]}</dd>
          </>
        )}
        {r.kind === 'portfolio' && (
          <>
            <dt>{t('doc.customers')}</dt>
            <dd>{r.customers.map((c) => c.name[lang]).join(t('format.listSeparator'))}</dd>
          </>
        )}
        <dt>{t('doc.generatedAt')}</dt>
        <dd>{formatDateTime(r.generatedAt)}</dd>
        <dt>{t('doc.reportId')}</dt>
        <dd className="mono" data-testid="report-id">
          {r.reportId}
        </dd>
      </dl>
      {r.inProgress && <p className="rpt-note">{t('doc.inProgress')}</p>}

      <section
        className="rpt-summary"
        aria-labelledby="rpt-summary-title"
        data-testid="report-summary"
      >
        <H depth={1} id="rpt-summary-title">
          {t('doc.summary')}
        </H>
        <p className="rpt-headline">{r.summary.headline}</p>
        <ul>
          {r.summary.points.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rpt-kpi-title">
        <H depth={1} id="rpt-kpi-title">
          {t('doc.keyFigures')}
        </H>
        <dl className="rpt-kpis">
          {kpis.map(([key, label, value]) => (
            <div key={key} className="rpt-kpi" data-testid={`kpi-${key}`}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
