import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../shared/api';
import { SEVERITIES } from '../../../shared/catalog';
import { useFormat } from '../../format';

/** The four headline figures: open alerts by severity, new today, devices and contracts to act on. */
export function KpiCards({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation(['dashboard', 'catalog']);
  const { number } = useFormat();
  return (
    <div className="kpis">
      <section className="card kpi" data-testid="kpi-open" aria-labelledby="kpi-open-title">
        <h2 id="kpi-open-title">{t('kpi.open')}</h2>
        <p className="kpi-value" data-testid="kpi-open-value">
          {number(summary.openTotal)}
        </p>
        <ul className="severity-chips" aria-label={t('kpi.openHelp')}>
          {SEVERITIES.map((s) => (
            <li
              key={s}
              className={`chip sev-${s}`}
              data-testid={`kpi-open-${s}`}
              data-value={summary.openBySeverity[s]}
            >
              {t(`catalog:severity.${s}`)} <strong>{number(summary.openBySeverity[s])}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="card kpi" data-testid="kpi-new24h" aria-labelledby="kpi-new-title">
        <h2 id="kpi-new-title">{t('kpi.new24h')}</h2>
        <p className="kpi-value" data-testid="kpi-new24h-value">
          {number(summary.newLast24h)}
        </p>
      </section>
      <section
        className={`card kpi ${summary.devices.unhealthy > 0 ? 'kpi-attention' : ''}`}
        data-testid="kpi-devices"
        aria-labelledby="kpi-dev-title"
      >
        <h2 id="kpi-dev-title">{t('kpi.devices')}</h2>
        <p className="kpi-value" data-testid="kpi-devices-value">
          {number(summary.devices.unhealthy)}
        </p>
        <p className="muted">{t('kpi.devicesOf', { total: number(summary.devices.total) })}</p>
      </section>
      <section
        className={`card kpi ${summary.contracts.needingAction > 0 ? 'kpi-attention' : ''}`}
        data-testid="kpi-contracts"
        aria-labelledby="kpi-con-title"
      >
        <h2 id="kpi-con-title">{t('kpi.contracts')}</h2>
        <p className="kpi-value" data-testid="kpi-contracts-value">
          {number(summary.contracts.needingAction)}
        </p>
        <p className="muted">
          {t('kpi.contractsHelp', { total: number(summary.contracts.total) })}
        </p>
      </section>
    </div>
  );
}
