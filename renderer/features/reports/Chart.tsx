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
import { H } from './context';

export interface Series {
  key: string;
  label: string;
  /** Hex: SVG presentation attributes cannot use CSS variables (docs/design.md). */
  color: string;
}

/**
 * The width of a chart in print: A4 minus the printer's margins (186 mm) at 96 px per inch, a
 * little less so the frame never touches the edge. Fixed, so a chart is laid out once, at the size
 * it prints, and never clipped or reflowed by the page.
 */
export const PRINT_WIDTH = 680;

/** Round axis ticks (steps of 1, 2 or 5 × 10ⁿ, about four of them) up to at least `max`. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? pow * 10);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

interface Props {
  title: string;
  summary: string;
  rows: Array<Record<string, string | number>>;
  /** The field of a row on the category axis. */
  category: string;
  categoryLabel?: (value: string) => string;
  series: Series[];
  height: number;
  print: boolean;
  testId: string;
  number: (n: number) => string;
  /** Categories down the side (long labels such as attack stages). */
  vertical?: boolean;
  /** Room for the category labels of a vertical chart. */
  categoryWidth?: number;
}

/**
 * A stacked bar chart of a report (recharts conventions of the dashboard: hex colours, no
 * animation, the app's number format). For screen readers the figure carries its summary and a
 * table of the totals per series; in print the report's own tables say the same.
 */
export function StackedBars(p: Props) {
  const label = p.categoryLabel ?? ((v: string) => v);
  const ticks = niceTicks(
    Math.max(0, ...p.rows.map((r) => p.series.reduce((n, s) => n + Number(r[s.key] ?? 0), 0))),
  );
  const domain: [number, number] = [0, ticks[ticks.length - 1]!];
  const chart = (width?: number) => (
    <BarChart
      width={width}
      height={width ? p.height : undefined}
      data={p.rows}
      layout={p.vertical ? 'vertical' : 'horizontal'}
      margin={{ top: 6, right: 12, bottom: 0, left: p.vertical ? 4 : -8 }}
    >
      <CartesianGrid
        strokeDasharray="3 3"
        vertical={!!p.vertical}
        horizontal={!p.vertical}
        stroke="#e3e7ee"
      />
      {p.vertical ? (
        <>
          <XAxis
            type="number"
            ticks={ticks}
            domain={domain}
            allowDecimals={false}
            tickFormatter={(n: number) => p.number(n)}
            tick={{ fontSize: 10 }}
          />
          <YAxis
            type="category"
            dataKey={p.category}
            tickFormatter={(v: string) => label(v)}
            tick={{ fontSize: 10 }}
            width={p.categoryWidth ?? 150}
            interval={0}
          />
        </>
      ) : (
        <>
          <XAxis
            dataKey={p.category}
            tickFormatter={(v: string) => label(v)}
            tick={{ fontSize: 10 }}
            minTickGap={8}
          />
          <YAxis
            ticks={ticks}
            domain={domain}
            allowDecimals={false}
            tickFormatter={(n: number) => p.number(n)}
            tick={{ fontSize: 10 }}
          />
        </>
      )}
      {!p.print && (
        <Tooltip
          labelFormatter={(v: unknown) => label(typeof v === 'string' ? v : JSON.stringify(v))}
          formatter={(value, name) => [p.number(Number(value)), String(name)]}
        />
      )}
      <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
      {p.series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="stack"
          fill={s.color}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
  const totals = p.series.map((s) => ({
    ...s,
    total: p.rows.reduce((n, r) => n + Number(r[s.key] ?? 0), 0),
  }));
  return (
    <figure className="rpt-chart" data-testid={p.testId} aria-label={`${p.title}: ${p.summary}`}>
      <figcaption>
        <H depth={2}>{p.title}</H>
        <span className="rpt-muted">{p.summary}</span>
      </figcaption>
      <div aria-hidden="true">
        {p.print ? (
          chart(PRINT_WIDTH)
        ) : (
          <ResponsiveContainer width="100%" height={p.height}>
            {chart()}
          </ResponsiveContainer>
        )}
      </div>
      {!p.print && (
        <table className="sr-only">
          <caption>{p.title}</caption>
          <tbody>
            {totals.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td>{p.number(s.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
