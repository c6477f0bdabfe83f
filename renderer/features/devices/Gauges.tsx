import { useTranslation } from 'react-i18next';
import { CTS_LIMITS, THRESHOLDS } from '../../../shared/devices';
import type { HealthSample } from '../../../shared/domain/entities';
import { useFormat } from '../../format';

interface GaugeProps {
  id: string;
  label: string;
  valueText: string;
  /** 0–1 of the limit (may exceed 1). */
  ratio: number;
  warn: number;
  critical: number;
}

/** A horizontal meter with the warning and critical marks; the value is also given as text. */
function Gauge({ id, label, valueText, ratio, warn, critical }: GaugeProps) {
  const { t } = useTranslation('devices');
  const level = ratio >= critical ? 'critical' : ratio >= warn ? 'warning' : 'ok';
  const percent = Math.round(ratio * 100);
  return (
    <div className="gauge" data-testid={`gauge-${id}`} data-percent={percent}>
      <div className="gauge-head">
        <span id={`gauge-${id}-label`}>{label}</span>
        <strong className={`gauge-value level-${level}`}>{valueText}</strong>
      </div>
      <div
        className="gauge-track"
        role="meter"
        aria-labelledby={`gauge-${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(percent, 100)}
        aria-valuetext={valueText}
      >
        <span
          className={`gauge-fill level-${level}`}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
        <span className="gauge-mark mark-warn" style={{ left: `${warn * 100}%` }} />
        <span className="gauge-mark mark-critical" style={{ left: `${critical * 100}%` }} />
      </div>
      <div className="muted small">
        {t('gauge.marks', { warn: Math.round(warn * 100), critical: Math.round(critical * 100) })}
      </div>
    </div>
  );
}

/** Bandwidth against 1 Gbps and endpoints against ~1000 (002 別紙2 2(4)), for CTS hardware. */
export function LimitGauges({ latest }: { latest: HealthSample | null }) {
  const { t } = useTranslation('devices');
  const { number } = useFormat();
  if (!latest) return <p className="muted">{t('gauge.noSample')}</p>;
  const bw = latest.bandwidthMbps / CTS_LIMITS.bandwidthMbps;
  const ep = latest.endpoints / CTS_LIMITS.endpoints;
  return (
    <div className="gauges">
      <Gauge
        id="bandwidth"
        label={t('gauge.bandwidth')}
        valueText={t('gauge.bandwidthValue', {
          value: number(latest.bandwidthMbps),
          percent: Math.round(bw * 100),
        })}
        ratio={bw}
        warn={THRESHOLDS.limitWarn}
        critical={THRESHOLDS.limitCritical}
      />
      <Gauge
        id="endpoints"
        label={t('gauge.endpoints')}
        valueText={t('gauge.endpointsValue', {
          value: number(latest.endpoints),
          percent: Math.round(ep * 100),
        })}
        ratio={ep}
        warn={THRESHOLDS.limitWarn}
        critical={THRESHOLDS.limitCritical}
      />
    </div>
  );
}

/** CPU, memory and disk against the resource thresholds of shared/devices.ts. */
export function ResourceGauges({ latest }: { latest: HealthSample | null }) {
  const { t } = useTranslation('devices');
  if (!latest) return <p className="muted">{t('gauge.noSample')}</p>;
  const items = [
    ['cpu', latest.cpuPct],
    ['memory', latest.memPct],
    ['disk', latest.diskPct],
  ] as const;
  return (
    <div className="gauges gauges-3">
      {items.map(([key, pct]) => (
        <Gauge
          key={key}
          id={key}
          label={t(`gauge.${key}`)}
          valueText={t('gauge.percentValue', { percent: Math.round(pct) })}
          ratio={pct / 100}
          warn={THRESHOLDS.resourceWarn / 100}
          critical={THRESHOLDS.resourceCritical / 100}
        />
      ))}
    </div>
  );
}
