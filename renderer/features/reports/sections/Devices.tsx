import { Fragment } from 'react';
import { GroupRow, H, byCustomer, useDoc } from '../context';

/** Device status (as of the report) and the month's uptime and peaks. */
export function DevicesPage() {
  const { report: r, t, tx, f } = useDoc();
  const portfolio = r.kind === 'portfolio';
  const one = (n: number | null, unit = '') => (n === null ? '—' : `${f.number(n)}${unit}`);
  return (
    <section className="rpt-page" data-page="devices" aria-labelledby="rpt-devices-title">
      <H depth={1} id="rpt-devices-title">
        {t('doc.page.devices')}
      </H>
      <p className="rpt-help">{t('devices.help')}</p>
      {r.devices.length === 0 ? (
        <p className="rpt-muted">{t('devices.none')}</p>
      ) : (
        <table className="rpt-table" data-testid="report-devices">
          <thead>
            <tr>
              <th scope="col" className="rpt-wide">
                {t('devices.name')}
              </th>
              <th scope="col">{t('devices.status')}</th>
              <th scope="col" className="num">
                {t('devices.uptime')}
              </th>
              <th scope="col" className="num">
                {t('devices.reported')}
              </th>
              <th scope="col" className="num">
                {t('devices.cpu')}
              </th>
              <th scope="col" className="num">
                {t('devices.bandwidth')}
              </th>
              <th scope="col" className="num">
                {t('devices.endpoints')}
              </th>
            </tr>
          </thead>
          <tbody>
            {byCustomer(r.devices).map((g) => (
              <Fragment key={g.customerId}>
                {portfolio && <GroupRow customerId={g.customerId} span={7} />}
                {g.rows.map((d) => (
                  <tr key={d.deviceId} data-status={d.status}>
                    <th scope="row">
                      <span className="mono">{d.name}</span>
                      <div className="rpt-muted rpt-small">
                        {tx(`devices:kind.${d.kind}`)} · {d.vendor} {d.model}
                      </div>
                    </th>
                    <td>
                      <span className={`rpt-badge rpt-s-${d.status}`}>
                        {tx(`devices:status.${d.status}`)}
                      </span>
                    </td>
                    <td className="num">
                      {d.uptime === null ? (
                        <span className="rpt-muted">{t('devices.notMeasured')}</span>
                      ) : (
                        `${f.percent(d.uptime, 2)}%`
                      )}
                    </td>
                    <td className="num">
                      {d.expected === 0
                        ? '—'
                        : `${f.number(d.reported)} / ${f.number(d.expected)} ${tx(`reports:devices.interval.${d.interval}`)}`}
                    </td>
                    <td className="num">
                      {d.cpuAvg === null ? '—' : `${f.number(d.cpuAvg)} / ${one(d.cpuMax)}%`}
                    </td>
                    <td className="num">{one(d.bandwidthMax, ' Mbps')}</td>
                    <td className="num">{one(d.endpointsMax)}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
