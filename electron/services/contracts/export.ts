import { writeFileSync } from 'node:fs';
import enCatalog from '../../../locales/en/catalog.json';
import enContracts from '../../../locales/en/contracts.json';
import jaCatalog from '../../../locales/ja/catalog.json';
import jaContracts from '../../../locales/ja/contracts.json';
import type { Language } from '../../../shared/catalog';
import { csvDocument } from '../../../shared/csv';
import type { FileRef } from '../../../shared/api';
import type { DeadlineRow } from '../../../shared/ops/contracts';
import { formatDate } from '../../../shared/time';
import type { ServiceContext } from '../context';

const TEXTS = {
  ja: { catalog: jaCatalog, contracts: jaContracts },
  en: { catalog: enCatalog, contracts: enContracts },
} as const;

/** "Premium", "Managed Firewall module", "Antivirus type C"… in the export's language. */
export function contractLabel(
  row: Pick<DeadlineRow, 'service' | 'category' | 'module' | 'item'>,
  language: Language,
): string {
  const c = TEXTS[language].contracts;
  if (row.category && row.category !== 'module') return c.category[row.category];
  if (row.module) return c.module[row.module];
  if (row.item) {
    const items = (c.item as Record<string, Record<string, string> | undefined>)[row.service];
    return items?.[row.item] ?? row.item;
  }
  return '';
}

/**
 * The deadline table as CSV (UTF-8 with BOM, RFC 4180: shared/csv.ts), written to a temporary
 * output that only profiles seeing every customer in it may fetch.
 */
export function writeDeadlinesCsv(
  ctx: ServiceContext,
  rows: readonly DeadlineRow[],
  customerIds: string[],
  language: Language,
  today: string,
): FileRef {
  const { catalog, contracts: c } = TEXTS[language];
  const header = [
    c.column.customer,
    c.column.contractNo,
    c.column.service,
    c.column.contract,
    c.column.deadline,
    c.column.date,
    c.column.daysLeft,
    c.column.actionNeeded,
  ];
  const body = rows.map((r) => [
    language === 'ja' ? r.nameJa : r.nameEn,
    r.contractNo,
    catalog.service[r.service],
    contractLabel(r, language),
    c.kind[r.kind],
    formatDate(r.date),
    r.daysLeft,
    r.actionNeeded ? c.value.yes : '',
  ]);
  const name = `${c.deadlines.fileName}-${today.replaceAll('-', '')}.csv`;
  const out = ctx.files.createOutput(name, customerIds);
  writeFileSync(out.path, csvDocument(header, body), { mode: 0o600 });
  return out.commit();
}
