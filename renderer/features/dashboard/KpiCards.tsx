import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../shared/api';
import { SEVERITIES } from '../../../shared/catalog';
import { useFormat } from '../../format';

interface CardProps {
  id: string;
  title: string;
  value: number;
  attention?: boolean;
  children?: ReactNode;
}

function KpiCard({ id, title, value, attention = false, children }: CardProps) {
  const { number } = useFormat();
  return (
    <section
      className={`card kpi${attention ? ' kpi-attention' : ''}`}
      data-testid={`kpi-${id}`}
      aria-labelledby={`kpi-${id}-title`}
    >
      <h2 id={`kpi-${id}-title`}>{title}</h2>
      <p className="kpi-value" data-testid={`kpi-${id}-value`}>
        {number(value)}
      </p>
      {children}
    </section>
  );
}

/** The four headline figures: open alerts by severity, new today, devices and contracts to act on. */
export function KpiCards({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation(['dashboard', 'catalog', 'alerts']);
  const { number } = useFormat();
  return (
    <div className="kpis">
      <KpiCard id="open" title={t('kpi.open')} value={summary.openTotal}>
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
        {/* A plain hash link: the card also renders outside the router (component tests). */}
        <a href="#/alerts?status=open" className="small" data-testid="kpi-open-link">
          {t('alerts:openInQueue')}
        </a>
      </KpiCard>
      <KpiCard id="new24h" title={t('kpi.new24h')} value={summary.newLast24h} />
      <KpiCard
        id="devices"
        title={t('kpi.devices')}
        value={summary.devices.unhealthy}
        attention={summary.devices.unhealthy > 0}
      >
        <p className="muted">{t('kpi.devicesOf', { total: number(summary.devices.total) })}</p>
      </KpiCard>
      <KpiCard
        id="contracts"
        title={t('kpi.contracts')}
        value={summary.contracts.needingAction}
        attention={summary.contracts.needingAction > 0}
      >
        <p className="muted">
          {t('kpi.contractsHelp', { total: number(summary.contracts.total) })}
        </p>
      </KpiCard>
    </div>
  );
}
