import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../format';

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface Props {
  title: string;
  summary: string;
  series: Series[];
  /** One row per day: `day` (JST day number) and a count per series key. */
  rows: Array<{ day: number } & Record<string, number>>;
  height?: number;
  testId: string;
}

/**
 * Alerts per day, stacked. For screen readers the figure carries a summary and a table of totals
 * per series; the axes and tooltip use the same formatters as the rest of the app.
 */
export function StackedDayChart({ title, summary, series, rows, height = 280, testId }: Props) {
  const { number, shortDay, date } = useFormat();
  const totals = series.map((s) => ({
    ...s,
    total: rows.reduce((n, r) => n + (r[s.key] ?? 0), 0),
  }));
  return (
    <figure className="card chart" data-testid={testId} aria-label={`${title}: ${summary}`}>
      <figcaption>
        <h2>{title}</h2>
        <span className="muted">{summary}</span>
      </figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ee" />
            <XAxis
              dataKey="day"
              tickFormatter={(d: number) => shortDay(d)}
              tick={{ fontSize: 11 }}
              minTickGap={16}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(n: number) => number(n)}
              tick={{ fontSize: 11 }}
            />
            <Tooltip
              labelFormatter={(d) => date(Number(d) * 86_400_000)}
              formatter={(value, name) => [number(Number(value)), String(name)]}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="day"
                fill={s.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {totals.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>{number(s.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
