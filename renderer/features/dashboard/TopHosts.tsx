import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../shared/api';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';

export function TopHosts({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation('dashboard');
  const { number, name } = useFormat();
  const customers = useSession((s) => s.customers);
  const showCustomer = summary.customerId === null && customers.length > 1;
  const max = Math.max(1, ...summary.topHosts.map((h) => h.count));
  return (
    <section className="card" data-testid="top-hosts" aria-labelledby="top-hosts-title">
      <h2 id="top-hosts-title">{t('topHosts.title')}</h2>
      {summary.topHosts.length === 0 ? (
        <p className="muted">{t('topHosts.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('topHosts.host')}</th>
              {showCustomer && <th scope="col">{t('topHosts.customer')}</th>}
              <th scope="col" className="num">
                {t('topHosts.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.topHosts.map((h) => {
              const customer = customers.find((c) => c.id === h.customerId);
              return (
                <tr key={`${h.customerId}/${h.host}`}>
                  <td className="mono">{h.host}</td>
                  {showCustomer && <td>{customer ? name(customer) : h.customerId}</td>}
                  <td className="num">
                    <span className="bar" aria-hidden="true">
                      {/* React sets styles through the CSSOM, which the CSP allows (no inline style attribute). */}
                      <span
                        className="bar-fill"
                        style={{ width: `${Math.round((h.count / max) * 100)}%` }}
                      />
                    </span>
                    {number(h.count)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
