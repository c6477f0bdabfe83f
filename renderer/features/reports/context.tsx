import { createContext, useContext, type ReactNode } from 'react';
import type { Report } from '../../../shared/report/schema';
import { useReportText, type ReportText } from './text';

interface Doc extends ReportText {
  report: Report;
  /** Laid out for the PDF (fixed chart sizes, page breaks) rather than the screen. */
  print: boolean;
  /** The document's own title is h{level}; its sections h{level+1}, their parts h{level+2}. */
  level: 1 | 2;
  customerName: (id: string) => string;
}

const DocContext = createContext<Doc | null>(null);

export function DocProvider(props: {
  report: Report;
  print: boolean;
  level: 1 | 2;
  children: ReactNode;
}) {
  const text = useReportText(props.report.language);
  const customerName = (id: string) =>
    props.report.customers.find((c) => c.id === id)?.name[props.report.language] ?? id;
  return (
    <DocContext.Provider
      value={{
        ...text,
        report: props.report,
        print: props.print,
        level: props.level,
        customerName,
      }}
    >
      {props.children}
    </DocContext.Provider>
  );
}

export function useDoc(): Doc {
  const doc = useContext(DocContext);
  if (!doc) throw new Error('useDoc outside DocProvider');
  return doc;
}

/** A heading `depth` levels below the document's title (0 = the title). */
export function H({ depth, children, id }: { depth: 0 | 1 | 2; children: ReactNode; id?: string }) {
  const { level } = useDoc();
  const n = level + depth;
  const Tag = (n === 1 ? 'h1' : n === 2 ? 'h2' : n === 3 ? 'h3' : 'h4') as 'h2';
  return <Tag id={id}>{children}</Tag>;
}

/** Rows of a portfolio report grouped by customer, in the report's order. */
export function byCustomer<T extends { customerId: string }>(
  rows: readonly T[],
): Array<{ customerId: string; rows: T[] }> {
  const groups: Array<{ customerId: string; rows: T[] }> = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last?.customerId === row.customerId) last.rows.push(row);
    else groups.push({ customerId: row.customerId, rows: [row] });
  }
  return groups;
}

/** The heading row of one customer's rows in a portfolio report's table. */
export function GroupRow({ customerId, span }: { customerId: string; span: number }) {
  const { customerName } = useDoc();
  return (
    <tr className="rpt-group">
      <th scope="colgroup" colSpan={span}>
        {customerName(customerId)}
      </th>
    </tr>
  );
}
