import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslation } from 'react-i18next';
import type { DayHealth } from '../../../shared/ops/devices';
import { DAY_MS } from '../../../shared/time';
import { useFormat } from '../../format';

export interface LineSeries {
  key: keyof Omit<DayHealth, 'day' | 'samples'>;
  label: string;
  color: string;
}

interface Props {
  testId: string;
  title: string;
  rows: DayHealth[];
  series: LineSeries[];
  /** Horizontal marks (limit, warning, critical), in the chart's unit. */
  marks?: Array<{ value: number; label: string; color: string }>;
  domainMax?: number;
  unit: string;
}

// Chart colours are hex values: SVG presentation attributes cannot use CSS variables.
export const MARK_COLORS = { limit: '#1c2430', warn: '#b7791f', critical: '#a4161a' } as const;

/**
 * A device's daily health as lines, with the limit and thresholds as marks. For screen readers
 * the figure has a summary and a table of each series' maximum and average over the period.
 */
export function HealthChart({ testId, title, rows, series, marks = [], domainMax, unit }: Props) {
  const { t } = useTranslation('devices');
  const { number, shortDay, date } = useFormat();
  const stats = series.map((s) => {
    const values = rows.map((r) => r[s.key]);
    const max = values.length ? Math.max(...values) : 0;
    const avg = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    return { ...s, max, avg: Math.round(avg * 10) / 10 };
  });
  const first = stats[0];
  const summary = first
    ? t('chart.summary', {
        days: rows.length,
        max: `${number(first.max)}${unit}`,
        avg: `${number(first.avg)}${unit}`,
      })
    : '';
  return (
    <figure className="card chart" data-testid={testId} aria-label={`${title}: ${summary}`}>
      <figcaption>
        <h3>{title}</h3>
        <span className="muted small">{summary}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <div aria-hidden="true">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -4 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ee" />
              <XAxis
                dataKey="day"
                tickFormatter={(d: number) => shortDay(d)}
                tick={{ fontSize: 11 }}
                minTickGap={16}
              />
              <YAxis
                domain={[0, domainMax ?? 'auto']}
                tickFormatter={(n: number) => number(n)}
                tick={{ fontSize: 11 }}
                allowDataOverflow={false}
              />
              <Tooltip
                labelFormatter={(d) => date(Number(d) * DAY_MS)}
                formatter={(value, name) => [`${number(Number(value))}${unit}`, String(name)]}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {marks.map((m) => (
                <ReferenceLine
                  key={m.label}
                  y={m.value}
                  stroke={m.color}
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                  label={{
                    value: m.label,
                    position: 'insideTopRight',
                    fontSize: 10,
                    fill: m.color,
                  }}
                />
              ))}
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.label}
                  stroke={s.color}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.statistic')}</th>
            <th scope="col">{t('chart.max')}</th>
            <th scope="col">{t('chart.avg')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>{`${number(s.max)}${unit}`}</td>
              <td>{`${number(s.avg)}${unit}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
