import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_SOURCES, THREAT_CLASSES } from '../../../shared/catalog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { subscribe } from '../../api';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { AttentionList } from './AttentionList';
import { KpiCards } from './KpiCards';
import { CLASS_COLORS, SOURCE_COLORS } from './palette';
import { StackedDayChart } from './StackedDayChart';
import { TopHosts } from './TopHosts';
import { useDashboard } from './store';

const PERIODS = [30, 90] as const;

export function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'catalog']);
  const { number, dateTime } = useFormat();
  const customerId = useSession((s) => s.customerId);
  const { days, summary, loading, error, setDays, load } = useDashboard();

  useEffect(() => {
    void load(customerId);
  }, [customerId, days, load]);
  // New data (imports, sync, another window) refreshes the figures in place.
  useEffect(
    () => subscribe('data.changed', () => void load(useSession.getState().customerId)),
    [load],
  );

  const total =
    summary?.perDay.reduce((n, d) => n + Object.values(d.bySource).reduce((a, b) => a + b, 0), 0) ??
    0;
  const byClass = summary?.perDay.map((d) => ({ day: d.day, ...d.byClass })) ?? [];
  const bySource = summary?.perDay.map((d) => ({ day: d.day, ...d.bySource })) ?? [];

  return (
    <section className="page" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          {summary && (
            <span className="muted" data-testid="as-of" data-value={summary.asOf}>
              {t('asOf', { time: dateTime(summary.asOf) })}
            </span>
          )}
          <div className="segmented" role="group" aria-label={t('period.label')}>
            {PERIODS.map((p) => (
              <button key={p} type="button" aria-pressed={days === p} onClick={() => setDays(p)}>
                {t('period.days', { count: p })}
              </button>
            ))}
          </div>
        </div>
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void load(customerId)} />}
      {!summary ? (
        !error && <Loading />
      ) : (
        <>
          <KpiCards summary={summary} />
          <AttentionList />
          <div className="chart-wide">
            <StackedDayChart
              testId="chart-by-class"
              title={t('chart.byClass')}
              summary={t('chart.summary', { days: summary.days, total: number(total) })}
              rows={byClass}
              series={THREAT_CLASSES.map((c) => ({
                key: c,
                label: t(`catalog:threatClass.${c}`),
                color: CLASS_COLORS[c],
              }))}
            />
          </div>
          <div className="grid-2">
            <StackedDayChart
              testId="chart-by-source"
              title={t('chart.bySource')}
              summary={t('chart.summary', { days: summary.days, total: number(total) })}
              rows={bySource}
              height={240}
              series={ALERT_SOURCES.map((s) => ({
                key: s,
                label: t(`catalog:sourceShort.${s}`),
                color: SOURCE_COLORS[s],
              }))}
            />
            <TopHosts summary={summary} />
          </div>
        </>
      )}
    </section>
  );
}
