/**
 * fast-check generators for the alert import files (docs/import-format.md): valid records with
 * what SOC Desk must store for them, hostile edits of a record with the field a refusal must name,
 * and writers for the three formats that say on which line each record starts.
 */
import fc from 'fast-check';
import {
  ATTACK_TACTICS,
  CSOC_KINDS,
  CTS_KINDS,
  KILL_CHAIN,
  type Severity,
} from '../../../shared/catalog';
import { CSV_FIELDS, IMPORT_FORMAT, IMPORT_VERSION, type CsvMapping } from '../../../shared/import';
import { LEVEL_ALIASES, SOURCE_LEVELS } from '../../../shared/severity';
import { JST_OFFSET_MS } from '../../../shared/time';

/** The importing profile (partner p-minato) serves these; c-hikari is another partner's. */
export const OURS = ['c-sakuragawa', 'c-aoba', 'c-kawasemi'] as const;
export const THEIRS = ['c-hikari', 'c-tsubame', 'c-nobody', 'C-AOBA', ''] as const;

type Json = Record<string, unknown>;
/** A record as written, and what must be stored for it. */
export interface Rec {
  json: Json;
  want: {
    sourceId: string;
    customerId: string;
    severity: Severity;
    detectedAt: number;
    titleJa: string;
  };
}
/** A record as written and the field its refusal must name, or null when it is valid. */
export interface Case {
  json: Json;
  bad: string | null;
  want: Rec['want'] | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** An instant as the file may write it (ISO with an offset or JST "YYYY/MM/DD HH:mm"), exactly. */
const instantArb = fc
  .tuple(
    fc.integer({ min: 0, max: 3_000_000 }),
    fc.nat({ max: 3 }),
    fc.integer({ min: -12, max: 14 }),
  )
  .map(([minutes, style, offsetH]) => {
    const ms = Date.UTC(2025, 0, 1) + minutes * 60_000;
    if (style === 0) return { text: new Date(ms).toISOString(), ms };
    if (style === 3) {
      const d = new Date(ms + JST_OFFSET_MS);
      const sep = minutes % 2 ? '/' : '-';
      const text = `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      return { text, ms };
    }
    const d = new Date(ms + offsetH * 3_600_000);
    const sign = offsetH < 0 ? '-' : '+';
    const text = `${d.toISOString().slice(0, 16)}:00${sign}${pad(Math.abs(offsetH))}:00`;
    return { text, ms };
  });

const SEVERITY_WORDS = (source: 'cts' | 'csoc') => [
  ...Object.entries(SOURCE_LEVELS[source]).map(([s, w]) => [w, s] as const),
  ...Object.entries(LEVEL_ALIASES).map(([w, s]) => [w, s] as const),
];

/** Text that is kept as written: Japanese, CR/LF, quotes, commas, NUL, a BOM character. */
const anyText = fc.string({ unit: 'grapheme', maxLength: 12 });
const title = fc.tuple(fc.constantFrom('ア', 'B', '検', '"', ','), anyText).map(([a, b]) => a + b);
const hostArb = fc.stringMatching(/^[A-Z][A-Z0-9-]{0,14}(\.example)?$/);

export const validRecord: fc.Arbitrary<Rec> = fc
  .record({
    n: fc.nat({ max: 1_000_000 }),
    source: fc.constantFrom('cts' as const, 'csoc' as const),
    customerId: fc.constantFrom(...OURS),
    kindPick: fc.nat(),
    sevPick: fc.nat(),
    case: fc.constantFrom('upper', 'lower', 'as-is', 'padded'),
    detected: instantArb,
    seen: fc.option(fc.tuple(instantArb, instantArb)),
    titleJa: title,
    titleEn: fc.option(title),
    important: fc.boolean(),
    count: fc.option(fc.integer({ min: 1, max: 1_000_000_000 })),
    killChain: fc.option(fc.constantFrom(...KILL_CHAIN)),
    tactic: fc.option(fc.constantFrom(...Object.keys(ATTACK_TACTICS))),
    hosts: fc.array(hostArb, { maxLength: 4 }),
  })
  .map((r) => {
    const kinds = Object.keys(r.source === 'cts' ? CTS_KINDS : CSOC_KINDS);
    const words = SEVERITY_WORDS(r.source);
    const [word, severity] = words[r.sevPick % words.length]!;
    const level =
      r.case === 'upper'
        ? word.toUpperCase()
        : r.case === 'lower'
          ? word.toLowerCase()
          : r.case === 'padded'
            ? ` ${word} `
            : word;
    const sourceId = `${r.source.toUpperCase()}-P-${r.n}`;
    const json: Json = {
      sourceId,
      source: r.source,
      customerId: r.customerId,
      threatKind: kinds[r.kindPick % kinds.length],
      severity: level,
      titleJa: r.titleJa,
      detectedAt: r.detected.text,
    };
    if (r.titleEn !== null) json.titleEn = r.titleEn;
    if (r.seen) {
      const [a, b] = r.seen[0].ms <= r.seen[1].ms ? r.seen : [r.seen[1], r.seen[0]];
      json.firstSeen = a.text;
      json.lastSeen = b.text;
    }
    if (r.source === 'csoc') json.important = r.important;
    if (r.count !== null) json.count = r.count;
    if (r.killChain !== null) json.killChain = r.killChain;
    if (r.tactic !== null) json.tactic = r.tactic;
    if (r.hosts.length) json.hosts = r.hosts;
    const want = {
      sourceId,
      customerId: r.customerId,
      severity: severity as Severity,
      detectedAt: r.detected.ms,
      titleJa: r.titleJa.trim(),
    };
    return { json, want };
  });

/** Hostile edits; `csv` leaves out what a CSV cell cannot say (types, unknown keys, nesting). */
const EDITS: Array<{ csv: boolean; field: string; values: unknown[] }> = [
  { csv: true, field: 'severity', values: ['Severe', '99', 'critical!', '最高', 'ｈｉｇｈｅｓｔ'] },
  {
    csv: true,
    field: 'detectedAt',
    values: [
      '2026-02-30 10:00',
      '2026-13-01T00:00Z',
      '1700000000',
      '2026/11/22 25:00',
      '2026-11-22T10:00+24:00',
      'yesterday',
    ],
  },
  { csv: true, field: 'customerId', values: [...THEIRS.filter((c) => c !== '')] },
  { csv: true, field: 'threatKind', values: ['weather', 'tor\u0000', 'ランサム'] },
  { csv: true, field: 'titleJa', values: ['あ'.repeat(501), 'x'.repeat(5000)] },
  { csv: true, field: 'count', values: ['many', '0', '1.5', '-3'] },
  { csv: true, field: 'status', values: ['closed', 'NEW!', '保留'] },
  { csv: true, field: 'killChain', values: ['boom', 'Delivery '] },
  { csv: false, field: 'sourceId', values: [42, null, true, '', 'x'.repeat(129), ['a']] },
  { csv: false, field: 'count', values: ['3', 1e10, 2.5, 0, -1, null] },
  {
    csv: false,
    field: 'hosts',
    values: ['a;b', [1], [''], [['deep']], JSON.parse('{"__proto__": 1}')],
  },
  { csv: false, field: '__proto__', values: [{ polluted: true }] },
  { csv: false, field: 'extra', values: [1, 'x', null] },
  { csv: false, field: 'severity', values: [3, null, '', {}, ['High']] },
  {
    csv: false,
    field: 'detectedAt',
    values: [1700000000000, null, '', '2026-11-22T10:00:00.1234567890Z'],
  },
];

/** A record, valid or hostile. */
export function caseArb(csv: boolean): fc.Arbitrary<Case> {
  const edits = EDITS.filter((e) => e.csv || !csv);
  return fc
    .tuple(validRecord, fc.nat({ max: 2 }), fc.nat(), fc.nat())
    .map(([r, valid, e, v]): Case => {
      if (valid > 0) return { json: r.json, bad: null, want: r.want };
      const edit = edits[e % edits.length]!;
      const json = { ...r.json };
      const value = edit.values[v % edit.values.length];
      if (edit.field === '__proto__')
        Object.defineProperty(json, '__proto__', { value, enumerable: true });
      else json[edit.field] = value;
      return {
        json,
        bad: edit.field === '__proto__' || edit.field === 'extra' ? '(record)' : edit.field,
        want: null,
      };
    });
}

export const header = { format: IMPORT_FORMAT, version: IMPORT_VERSION, generator: 'fast-check' };

/** NDJSON text and the line of each record; blank lines and CRLF on request. */
export function ndjsonOf(
  records: readonly Json[],
  opts: { crlf: boolean; blank: boolean; bom: boolean },
) {
  const eol = opts.crlf ? '\r\n' : '\n';
  const out = [JSON.stringify(header)];
  const lines: number[] = [];
  for (const r of records) {
    if (opts.blank) out.push('');
    out.push(JSON.stringify(r));
    lines.push(out.length);
  }
  return { text: (opts.bom ? '\ufeff' : '') + out.join(eol) + eol, lines };
}

/** A JSON document, pretty or on one line, and the line each record starts on. */
export function jsonOf(
  records: readonly Json[],
  opts: { indent: number; bom: boolean; crlf: boolean },
) {
  let text = JSON.stringify({ ...header, alerts: records }, null, opts.indent);
  const lines = records.map((_, i) =>
    opts.indent === 0 ? 1 : 6 + i + lineBreaksBefore(records, i, opts.indent),
  );
  if (opts.crlf) text = text.replace(/\n/g, '\r\n');
  return { text: (opts.bom ? '\ufeff' : '') + text, lines };
}
function lineBreaksBefore(records: readonly Json[], i: number, indent: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) n += JSON.stringify(records[k], null, indent).split('\n').length - 1;
  return n;
}

/** All mappable fields in a shuffled order, plus a column no field uses. */
export const csvColumnsArb = fc.shuffledSubarray([...CSV_FIELDS, 'memo'], {
  minLength: CSV_FIELDS.length + 1,
});

const cell = (v: unknown): string => {
  // CSV edits are strings and numbers; records carry hosts as lists.
  const s = Array.isArray(v) ? v.join(';') : typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text with a header of field ids, the mapping, and the line each record starts on. */
export function csvOf(
  records: readonly Json[],
  columns: readonly string[],
  opts: { crlf: boolean; bom: boolean },
) {
  const eol = opts.crlf ? '\r\n' : '\n';
  const mapping: CsvMapping = {};
  columns.forEach((c, i) => {
    if (c !== 'memo') mapping[c as keyof CsvMapping] = i;
  });
  const rows = [columns.join(',')];
  const lines: number[] = [];
  let line = 2;
  for (const r of records) {
    const row = columns.map((c) => (c === 'memo' ? cell('メモ, "x"') : cell(r[c]))).join(',');
    lines.push(line);
    line += row.split('\n').length;
    rows.push(row);
  }
  return { text: (opts.bom ? '\ufeff' : '') + rows.join(eol) + eol, lines, mapping };
}
