import { formatDateTime } from '../../../../shared/time';
import { Fragment } from 'react';
import { GroupRow, H, byCustomer, useDoc } from '../context';

/** The month of the SLA ledger (docs/sla-ledger.md): notices, availability, credits, deadlines. */
export function SlaPage() {
  const { report: r, t, tx, f, customerName } = useDoc();
  const portfolio = r.kind === 'portfolio';
  const late = r.sla.flatMap((s) =>
    s.ledger.lateIncidents.map((i) => ({ ...i, customerId: s.customerId })),
  );
  return (
    <section className="rpt-page" data-page="sla" aria-labelledby="rpt-sla-title">
      <H depth={1} id="rpt-sla-title">
        {t('doc.page.sla')}
      </H>
      <p className="rpt-help">{t('sla.help')}</p>
      {r.sla.length === 0 ? (
        <p className="rpt-muted">{t('sla.none')}</p>
      ) : (
        <table className="rpt-table" data-testid="report-sla">
          <thead>
            <tr>
              <th scope="col">{t('sla.service')}</th>
              <th scope="col" className="num">
                {t('sla.important')}
              </th>
              <th scope="col" className="num">
                {t('sla.within')}
              </th>
              <th scope="col" className="num">
                {t('sla.late')}
              </th>
              <th scope="col" className="num">
                {t('sla.availability')}
              </th>
              <th scope="col">{t('sla.guaranteeCol')}</th>
              <th scope="col" className="num">
                {t('sla.credit')}
              </th>
              <th scope="col">{t('sla.claimBy')}</th>
            </tr>
          </thead>
          <tbody>
            {byCustomer(r.sla).map((g) => (
              <Fragment key={g.customerId}>
                {portfolio && <GroupRow customerId={g.customerId} span={8} />}
                {g.rows.map((s) => {
                  const l = s.ledger;
                  return (
                    <tr key={`${s.customerId}/${s.service}`} data-guarantee={l.guarantee}>
                      <th scope="row">
                        {tx(`catalog:service.${s.service}`)}
                        <div className="rpt-muted rpt-small">
                          {tx(`reports:sla.coverage.${s.coverage}`)}
                        </div>
                      </th>
                      <td className="num">{l.incidents ? f.number(l.incidents.important) : '—'}</td>
                      <td className="num">{l.incidents ? f.number(l.incidents.within) : '—'}</td>
                      <td className="num">{l.incidents ? f.number(l.incidents.late) : '—'}</td>
                      <td className="num">
                        {f.percent(l.availability, 3)}%
                        {l.outageMinutes > 0 && (
                          <div className="rpt-muted rpt-small">
                            {t('sla.outageMinutes', {
                              minutes: f.number(Math.round(l.outageMinutes)),
                            })}
                          </div>
                        )}
                      </td>
                      <td>
                        <span className={`rpt-badge rpt-g-${l.guarantee}`}>
                          {tx(`reports:sla.guarantee.${l.guarantee}`)}
                        </span>
                      </td>
                      <td className="num">{l.creditTotal > 0 ? f.yen(l.creditTotal) : '—'}</td>
                      <td>
                        {l.deadlines.length === 0
                          ? '—'
                          : l.deadlines.map((d, i) => (
                              <div key={i} className={`rpt-deadline rpt-d-${d.state}`}>
                                {f.date(d.date)}{' '}
                                <span className="rpt-small">
                                  {tx(`reports:sla.deadline.${d.state}`)}
                                </span>
                              </div>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {late.length > 0 && (
        <>
          <H depth={2}>{t('sla.lateHeading')}</H>
          <table className="rpt-table rpt-compact" data-testid="report-late-incidents">
            <thead>
              <tr>
                {portfolio && <th scope="col">{t('sla.customer')}</th>}
                <th scope="col">{t('sla.lateCol.id')}</th>
                <th scope="col">{t('sla.lateCol.module')}</th>
                <th scope="col">{t('sla.lateCol.detectedAt')}</th>
                <th scope="col">{t('sla.lateCol.notifiedAt')}</th>
                <th scope="col" className="num">
                  {t('sla.lateCol.minutes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {late.map((i) => (
                <tr key={`${i.customerId}/${i.id}`}>
                  {portfolio && <td>{customerName(i.customerId)}</td>}
                  <th scope="row" className="mono">
                    {i.id}
                  </th>
                  <td>{i.module ?? '—'}</td>
                  <td className="mono">{formatDateTime(i.detectedAt)}</td>
                  <td className="mono">{i.notifiedAt ? formatDateTime(i.notifiedAt) : '—'}</td>
                  <td className="num">{t('sla.minutes', { minutes: f.number(i.minutes) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
