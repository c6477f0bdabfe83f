import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CTS_LIMITS, THRESHOLDS } from '../../../shared/devices';
import type { DeviceDetail } from '../../../shared/ops/devices';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { FaultGuide } from './FaultGuide';
import { LimitGauges, ResourceGauges } from './Gauges';
import { HealthChart, MARK_COLORS } from './HealthChart';
import { StatusChip } from './StatusChip';
import { useDevices } from './store';
import { useDeviceText } from './text';
import '../../styles/devices.css';

const PERIODS = [30, 90] as const;

function Facts({ d }: { d: DeviceDetail }) {
  const { t } = useTranslation(['devices', 'catalog']);
  const { name, date, dateTime } = useFormat();
  const { ago } = useDeviceText();
  const customers = useSession((s) => s.customers);
  const customer = customers.find((c) => c.id === d.device.customerId);
  const isAppliance = !['cts-sensor', 'ddos', 'vpn'].includes(d.device.kind);
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts.title')}</h2>
      <dl className="facts">
        <dt>{t('facts.customer')}</dt>
        <dd>{customer ? name(customer) : d.device.customerId}</dd>
        <dt>{t('facts.kind')}</dt>
        <dd>{t(`kind.${d.device.kind}`)}</dd>
        <dt>{t('facts.vendor')}</dt>
        <dd>{d.device.vendor}</dd>
        <dt>{t('facts.model')}</dt>
        <dd>{d.device.model}</dd>
        <dt>{t('facts.serial')}</dt>
        <dd className="mono">{d.device.serial}</dd>
        <dt>{t('facts.installedOn')}</dt>
        <dd>{d.device.installedOn ? date(d.device.installedOn) : t('facts.notInstalled')}</dd>
        <dt>{t(isAppliance ? 'facts.lastLog' : 'facts.lastSeen')}</dt>
        <dd data-testid="last-seen">
          {ago(d.device.lastSeenAt, d.asOf)}
          {d.device.lastSeenAt !== null && ` (${dateTime(d.device.lastSeenAt)})`}
        </dd>
        <dt>{t('facts.rented')}</dt>
        <dd>{t(d.device.rented ? 'facts.rentedYes' : 'facts.rentedNo')}</dd>
        {d.contract && (
          <>
            <dt>{t('facts.contract')}</dt>
            <dd>
              <Link to="/contracts">{d.contract.contractNo}</Link>{' '}
              <span className="muted">{t(`catalog:service.${d.contract.service}`)}</span>
              {d.contract.endsOn && (
                <span className="chip chip-warn">
                  {t('return.ending', { end: date(d.contract.endsOn) })}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ReturnCard({ d }: { d: DeviceDetail }) {
  const { t } = useTranslation('devices');
  const { date } = useFormat();
  const rule = d.returnRule;
  if (!rule) return null;
  return (
    <section className="card" aria-labelledby="return-title" data-testid="return-rule">
      <h2 id="return-title">{t('return.title')}</h2>
      <p>
        {rule.kind === 'within'
          ? t('return.within', { days: rule.days ?? 0, article: rule.article })
          : t('return.promptly', { article: rule.article })}
      </p>
      {rule.deadline && d.contract?.endsOn && (
        <p className="notice notice-caution" data-testid="return-deadline">
          {t('return.deadline', { end: date(d.contract.endsOn), deadline: date(rule.deadline) })}
        </p>
      )}
    </section>
  );
}

function Charts({ d }: { d: DeviceDetail }) {
  const { t } = useTranslation('devices');
  const cts = d.device.kind === 'cts-sensor';
  const pct = (r: number) => Math.round(r * 100);
  const limitMarks = (limit: number) => [
    { value: limit, label: t('chart.limit'), color: MARK_COLORS.limit },
    {
      value: limit * THRESHOLDS.limitCritical,
      label: t('chart.critical'),
      color: MARK_COLORS.critical,
    },
    { value: limit * THRESHOLDS.limitWarn, label: t('chart.warn'), color: MARK_COLORS.warn },
  ];
  return (
    <div className="device-charts">
      <HealthChart
        testId="chart-bandwidth"
        title={t('chart.bandwidth')}
        rows={d.history}
        unit=" Mbps"
        domainMax={cts ? CTS_LIMITS.bandwidthMbps : undefined}
        marks={cts ? limitMarks(CTS_LIMITS.bandwidthMbps) : []}
        series={[
          { key: 'bandwidthMax', label: t('chart.max'), color: '#1f5fa8' },
          { key: 'bandwidthAvg', label: t('chart.avg'), color: '#7c8fa6' },
        ]}
      />
      {cts && (
        <HealthChart
          testId="chart-endpoints"
          title={t('chart.endpoints')}
          rows={d.history}
          unit=""
          domainMax={CTS_LIMITS.endpoints}
          marks={limitMarks(CTS_LIMITS.endpoints)}
          series={[{ key: 'endpointsMax', label: t('chart.max'), color: '#2a9d8f' }]}
        />
      )}
      <HealthChart
        testId="chart-resources"
        title={t('chart.resources')}
        rows={d.history}
        unit="%"
        domainMax={100}
        marks={[
          {
            value: THRESHOLDS.resourceCritical,
            label: `${pct(THRESHOLDS.resourceCritical / 100)}%`,
            color: MARK_COLORS.critical,
          },
          {
            value: THRESHOLDS.resourceWarn,
            label: `${pct(THRESHOLDS.resourceWarn / 100)}%`,
            color: MARK_COLORS.warn,
          },
        ]}
        series={[
          { key: 'cpuAvg', label: t('chart.cpuAvg'), color: '#d55e00' },
          { key: 'memAvg', label: t('chart.memAvg'), color: '#0072b2' },
          { key: 'diskMax', label: t('chart.diskMax'), color: '#009e73' },
        ]}
      />
    </div>
  );
}

/** One device: status and why, gauges against its limits, 30/90-day history, what to do if it fails. */
export function DeviceDetailPage() {
  const { t } = useTranslation('devices');
  const { dateTime } = useFormat();
  const { deviceId = '' } = useParams();
  const { detail, days, loading, error, loadDetail, setDays } = useDevices();
  const { reason } = useDeviceText();

  useEffect(() => {
    void loadDetail(deviceId);
  }, [deviceId, days, loadDetail]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.includes('devices')) void loadDetail(deviceId);
      }),
    [deviceId, loadDetail],
  );

  const d = detail?.device.id === deviceId ? detail : null;
  const hasSamples = d !== null && (d.latest !== null || d.history.length > 0);
  return (
    <section className="page device-detail" aria-busy={loading}>
      <p className="back-link">
        <Link to="/devices">← {t('back')}</Link>
      </p>
      <div className="page-head">
        <h1>
          {d ? (
            <>
              <span className="mono">{d.device.name}</span> <StatusChip status={d.status} />
            </>
          ) : (
            t('detailTitle')
          )}
        </h1>
        <div className="page-tools">
          {d && (
            <span className="muted" data-testid="as-of" data-value={d.asOf}>
              {t('asOf', { time: dateTime(d.asOf) })}
            </span>
          )}
          {hasSamples && (
            <div className="segmented" role="group" aria-label={t('chart.period')}>
              {PERIODS.map((p) => (
                <button key={p} type="button" aria-pressed={days === p} onClick={() => setDays(p)}>
                  {t('chart.days', { count: p })}
                </button>
              ))}
            </div>
          )}
        </div>
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void loadDetail(deviceId)} />}
      {!d ? (
        !error && <Loading />
      ) : (
        <>
          <div className="detail-grid">
            <Facts d={d} />
            <section className="card" aria-labelledby="reasons-title" data-testid="status-reasons">
              <h2 id="reasons-title">{t('reasons.title')}</h2>
              {d.reasons.length === 0 ? (
                <p className="muted">{t('reasons.none')}</p>
              ) : (
                <ul className="reasons">
                  {d.reasons.map((r, i) => (
                    <li key={i}>{reason(r)}</li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          {hasSamples && (
            <section className="card" aria-labelledby="gauges-title">
              <h2 id="gauges-title">
                {d.device.kind === 'cts-sensor' ? t('gauge.title') : t('gauge.resources')}
              </h2>
              {d.device.kind === 'cts-sensor' && (
                <>
                  <p className="muted small">{t('gauge.intro')}</p>
                  <LimitGauges latest={d.latest} />
                  <h3>{t('gauge.resources')}</h3>
                </>
              )}
              <ResourceGauges latest={d.latest} />
            </section>
          )}
          {hasSamples && <Charts d={d} />}
          <ReturnCard d={d} />
          <FaultGuide kind={d.device.kind} />
        </>
      )}
    </section>
  );
}
