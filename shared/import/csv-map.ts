/**
 * CSV import: which record fields a column can fill, how a header suggests a field, and how one
 * row becomes a record for `checkRecord`. CSV is flat, so it carries no communications; hosts and
 * indicators are lists separated by `;`, `|` or line breaks. Kinds, sources and statuses may be
 * written as SOC Desk ids or as the words people use (「C&C 通信」, "SOC in Pocket", 「対応中」).
 */
import { ALERT_STATUSES, THREAT_KINDS, type AlertStatus, type ThreatKind } from '../catalog';
import { kbEntries } from '../kb';

export const CSV_FIELDS = [
  'sourceId',
  'source',
  'customerId',
  'threatKind',
  'severity',
  'detectedAt',
  'titleJa',
  'titleEn',
  'descriptionJa',
  'descriptionEn',
  'originalText',
  'notifiedAt',
  'firstSeen',
  'lastSeen',
  'count',
  'status',
  'important',
  'module',
  'threatClass',
  'killChain',
  'tactic',
  'hosts',
  'indicators',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Fields a mapping must fill (one of the two titles is checked per record). */
export const CSV_REQUIRED: readonly CsvField[] = [
  'sourceId',
  'source',
  'customerId',
  'threatKind',
  'severity',
  'detectedAt',
];

/** Column → field: the index of the column (0-based) that fills each field. */
export type CsvMapping = Partial<Record<CsvField, number>>;

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');

const SYNONYMS: Record<CsvField, string[]> = {
  sourceId: [
    'id',
    'alertid',
    'incidentid',
    'アラートid',
    'インシデントid',
    'インシデント番号',
    '番号',
  ],
  source: ['ソース', '検知元', 'サービス'],
  customerId: ['customer', '顧客id', '顧客', 'お客さまid'],
  threatKind: ['kind', 'type', 'incidenttype', '種別', '脅威種別', '不正通信'],
  severity: ['level', '重要度', '深刻度', '危険度', 'レベル'],
  detectedAt: ['detected', '検知日時', '検知時刻', '発生日時', '日時'],
  titleJa: ['タイトル', '件名', '題名'],
  titleEn: ['title', 'subject'],
  descriptionJa: ['説明', '詳細', '内容'],
  descriptionEn: ['description', 'details'],
  originalText: ['original', '原文', '通知原文'],
  notifiedAt: ['notified', '通知日時'],
  firstSeen: ['初回検知', '初回検知日時'],
  lastSeen: ['最終検知', '最終検知日時'],
  count: ['件数', '回数', '検知回数'],
  status: ['ステータス', '状態', '対応状況'],
  important: ['重要インシデント', '重要'],
  module: ['モジュール'],
  threatClass: ['class', '分類', '脅威分類'],
  killChain: ['キルチェーン', '攻撃段階'],
  tactic: ['att&ck', 'attack', '戦術'],
  hosts: ['host', 'ホスト', '対象ホスト', '端末'],
  indicators: ['indicator', 'ioc', '通信先', '宛先'],
};

/** The field each header most likely means (exact id first, then synonyms); each field once. */
export function suggestMapping(header: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const taken = new Set<number>();
  const folded = header.map(fold);
  for (const pass of [0, 1] as const) {
    for (const field of CSV_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const names = pass === 0 ? [fold(field)] : SYNONYMS[field].map(fold);
      const col = folded.findIndex((h, i) => !taken.has(i) && names.includes(h));
      if (col >= 0) {
        mapping[field] = col;
        taken.add(col);
      }
    }
  }
  return mapping;
}

let kindAliases: Map<string, ThreatKind> | null = null;
function kindOf(value: string): string {
  if (!kindAliases) {
    kindAliases = new Map();
    for (const k of THREAT_KINDS) kindAliases.set(fold(k), k);
    for (const e of kbEntries()) {
      kindAliases.set(fold(e.title.ja), e.kind);
      kindAliases.set(fold(e.title.en), e.kind);
    }
  }
  return kindAliases.get(fold(value)) ?? value;
}

const SOURCE_WORDS: Record<string, 'cts' | 'csoc'> = {
  cts: 'cts',
  socinpocket: 'cts',
  ntt: 'cts',
  csoc: 'csoc',
  iijcsoc: 'csoc',
  iij: 'csoc',
};

const STATUS_WORDS: Record<string, AlertStatus> = {
  新規: 'new',
  未対応: 'new',
  確認済み: 'acknowledged',
  対応中: 'in_progress',
  解決済み: 'resolved',
  完了: 'resolved',
  誤検知: 'false_positive',
  inprogress: 'in_progress',
  falsepositive: 'false_positive',
};

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'はい', '○', '◯', '重要']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'いいえ', '×', '-']);

/** One CSV row as a raw record (empty cells are left out, so defaults apply). */
export function rowToRecord(
  fields: readonly string[],
  mapping: CsvMapping,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of CSV_FIELDS) {
    const col = mapping[field];
    if (col === undefined) continue;
    const raw = fields[col];
    if (raw === undefined || raw.trim() === '') continue;
    const v = raw.trim();
    switch (field) {
      case 'count':
        out[field] = /^\d+$/.test(v.replace(/,/g, '')) ? Number(v.replace(/,/g, '')) : v;
        break;
      case 'important': {
        const f = fold(v);
        out[field] = TRUE_WORDS.has(f) ? true : FALSE_WORDS.has(f) ? false : v;
        break;
      }
      case 'hosts':
      case 'indicators':
        out[field] = v
          .split(/[;|\r\n]+/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        break;
      case 'threatKind':
        out[field] = kindOf(v);
        break;
      case 'source':
        out[field] = SOURCE_WORDS[fold(v)] ?? v;
        break;
      case 'status': {
        const f = fold(v);
        out[field] =
          STATUS_WORDS[f] ?? (ALERT_STATUSES as readonly string[]).find((s) => fold(s) === f) ?? v;
        break;
      }
      case 'module':
      case 'threatClass':
      case 'killChain':
      case 'tactic':
      case 'sourceId':
      case 'customerId':
      case 'severity':
      case 'detectedAt':
      case 'notifiedAt':
      case 'firstSeen':
      case 'lastSeen':
        out[field] = v;
        break;
      case 'titleJa':
      case 'titleEn':
      case 'descriptionJa':
      case 'descriptionEn':
      case 'originalText':
        out[field] = raw;
        break;
    }
  }
  return out;
}

/** The fields a mapping leaves out that every record needs. */
export function missingRequired(mapping: CsvMapping): CsvField[] {
  const missing = CSV_REQUIRED.filter((f) => mapping[f] === undefined);
  if (mapping.titleJa === undefined && mapping.titleEn === undefined) missing.push('titleJa');
  return missing;
}
