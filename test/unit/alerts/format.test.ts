/**
 * The import format's pieces: the committed JSON Schema matches the zod schemas, the severity
 * mapping of both sources, instants, the CSV reader and mapping, JSON line location, and the
 * prepared row order the chunk writer binds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COL, prepare } from '../../../electron/services/alerts/import-prepare';
import { ALERT_COLUMNS, alertParams } from '../../../electron/store/alerts';
import { SEVERITIES, type AlertSource, type Severity } from '../../../shared/catalog';
import { generateAlerts } from '../../../shared/demo';
import {
  CsvSyntaxError,
  alertElementLines,
  importDocumentSchema,
  parseCsv,
  parseImportInstant,
  rowToRecord,
  suggestMapping,
  syntaxErrorLine,
} from '../../../shared/import';
import { importJsonSchema, importJsonSchemaText } from '../../../shared/import/json-schema';
import { SOURCE_LEVELS, severityFromSource } from '../../../shared/severity';
import { FIXED_NOW } from '../helpers';

describe('import format', () => {
  it('docs/import-format.schema.json is what the zod schemas generate', () => {
    const file = join(import.meta.dirname, '../../../docs/import-format.schema.json');
    // After changing the format: UPDATE_IMPORT_SCHEMA=1 npx vitest run test/unit/alerts/format.test.ts
    // then npx prettier --write docs/import-format.schema.json (docs/import-format.md).
    if (process.env.UPDATE_IMPORT_SCHEMA) writeFileSync(file, importJsonSchemaText());
    const committed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(committed).toEqual(importJsonSchema());
  });

  it('accepts the fixtures as documents and refuses unknown fields', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../fixtures/imports/good.json'),
      'utf8',
    );
    const doc = JSON.parse(text) as unknown as Record<string, unknown>;
    expect(importDocumentSchema.safeParse(doc).success).toBe(true);
    expect(importDocumentSchema.safeParse({ ...doc, extra: 1 }).success).toBe(false);
    expect(importDocumentSchema.safeParse({ ...doc, version: 2 }).success).toBe(false);
  });
});

describe('severity mapping (one scale for both sources, docs/alerts.md)', () => {
  const table: Array<[AlertSource, string, Severity | null]> = [
    ['cts', 'Critical', 'critical'],
    ['cts', 'HIGH', 'high'],
    ['cts', ' Medium ', 'medium'],
    ['cts', 'Low', 'low'],
    ['cts', 'Info', 'info'],
    ['cts', 'Informational', 'info'],
    ['cts', '高', 'high'],
    ['csoc', '緊急', 'critical'],
    ['csoc', '重大', 'critical'],
    ['csoc', '高', 'high'],
    ['csoc', '中', 'medium'],
    ['csoc', '低', 'low'],
    ['csoc', '情報', 'info'],
    ['csoc', 'High', 'high'],
    ['csoc', 'ｈｉｇｈ', 'high'],
    ['cts', 'Severe', null],
    ['csoc', '', null],
    ['cts', 'constructor', null],
  ];
  it.each(table)('%s "%s" → %s', (source, word, expected) => {
    expect(severityFromSource(source, word)).toBe(expected);
  });
  it('maps every level each source writes back to itself', () => {
    for (const source of ['cts', 'csoc'] as const)
      for (const s of SEVERITIES)
        expect(severityFromSource(source, SOURCE_LEVELS[source][s])).toBe(s);
  });
});

describe('instants', () => {
  it.each([
    ['2026-11-22T10:00:00+09:00', Date.parse('2026-11-22T01:00:00Z')],
    ['2026-11-22T01:00:00Z', Date.parse('2026-11-22T01:00:00Z')],
    ['2026-11-22T10:00:00.25-03:30', Date.parse('2026-11-22T13:30:00.250Z')],
    ['2026/11/22 10:00', Date.parse('2026-11-22T01:00:00Z')],
    ['2026-11-22 10:00:30', Date.parse('2026-11-22T01:00:30Z')],
    ['2024-02-29T00:00:00Z', Date.parse('2024-02-29T00:00:00Z')],
    ['2026-02-29T00:00:00Z', null],
    ['2026-13-01T00:00:00Z', null],
    ['2026-11-22T24:00:00Z', null],
    ['2026-11-22T10:00:00', null],
    ['22/11/2026 10:00', null],
  ])('%s', (text, expected) => {
    expect(parseImportInstant(text)).toBe(expected);
  });
});

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, line breaks in fields, CRLF, a BOM, and skips blank lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\r\nlines",\n3,,"last"';
    expect(parseCsv(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, y', 'say "hi"'], line: 2 },
      { fields: ['2', 'two\r\nlines', ''], line: 4 },
      { fields: ['3', '', 'last'], line: 6 },
    ]);
  });
  it('gives the same records whatever the chunking', async () => {
    const { CsvParser } = await import('../../../shared/import');
    const text = 'a,"b\nc",d\n"e""f",g,h\n';
    for (let size = 1; size < text.length; size++) {
      const p = new CsvParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...p.feed(text.slice(i, i + size)));
      out.push(...p.end());
      expect(out).toEqual(parseCsv(text));
    }
  });
  it.each([
    ['a,"b"c\n', 'quote', 1],
    ['a,b\nc,d"e\n', 'quote', 2],
    ['a\n"open,b\n', 'unterminated', 2],
  ])('locates a syntax error in %j', (text, key, line) => {
    try {
      parseCsv(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect({ key: (e as CsvSyntaxError).key, line: (e as CsvSyntaxError).line }).toEqual({
        key,
        line,
      });
    }
  });
  it('suggests a mapping from Japanese and English headers and turns rows into records', () => {
    const header = [
      'アラートID',
      '検知元',
      '顧客ID',
      '脅威種別',
      '深刻度',
      '発生日時',
      'Title',
      'ホスト',
      '対応状況',
      '重要',
    ];
    const m = suggestMapping(header);
    expect(m).toEqual({
      sourceId: 0,
      source: 1,
      customerId: 2,
      threatKind: 3,
      severity: 4,
      detectedAt: 5,
      titleEn: 6,
      hosts: 7,
      status: 8,
      important: 9,
    });
    const rec = rowToRecord(
      [
        'X-1',
        'SOC in Pocket',
        'c-aoba',
        'Tor 利用による通信',
        'Low',
        '2026/11/20 10:00',
        'Tor',
        'a; b|c',
        '対応中',
        '○',
      ],
      m,
    );
    expect(rec).toEqual({
      sourceId: 'X-1',
      source: 'cts',
      customerId: 'c-aoba',
      threatKind: 'tor',
      severity: 'Low',
      detectedAt: '2026/11/20 10:00',
      titleEn: 'Tor',
      hosts: ['a', 'b', 'c'],
      status: 'in_progress',
      important: true,
    });
  });
});

describe('JSON line location', () => {
  it('finds the line each alert of a document starts on', () => {
    const text =
      '{\n "format": "soc-desk-alerts", "version": 1,\n "alerts": [\n  {"a": "x,]"},\n\n  {"b": [1, {"c": 2}]}, {"d": 3}\n ]\n}';
    expect(alertElementLines(text)).toEqual([4, 6, 6]);
  });
  it.each([
    ['{\n "a": 1,\n "b": ,\n}', 3],
    ['{"a": [1, 2,]}', 1],
    ['{\n"a": "ok",\n"b": "tab\there"\n}', 3],
    ['{"a": 1}\n\n}', 3],
    ['{"a": 1', 1],
  ])('locates the syntax error of %j', (text, line) => {
    expect(() => void JSON.parse(text)).toThrow();
    expect(syntaxErrorLine(text)).toBe(line);
  });
});

describe('prepared rows', () => {
  it('hold the values in ALERT_COLUMNS order, as the upsert binds them', () => {
    for (const a of generateAlerts({ now: FIXED_NOW, count: 50 })) {
      const params = alertParams(a);
      const p = prepare(a, 'h');
      expect(p.p.slice(0, ALERT_COLUMNS.length)).toEqual(ALERT_COLUMNS.map((c) => params[c]));
      expect(p.p[COL.hash]).toBe('h');
      expect(p.comms.length).toBe(a.communications.length * 7);
    }
  });
});
