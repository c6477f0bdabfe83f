/**
 * Property-based tests of whole alert imports against the real encrypted store: 360 generated
 * files (120 per format) through `runImport`, the function the import worker thread runs, and 6
 * (2 per format) through `app.dispatch('alerts.import.start')` with the real worker. A file with
 * any hostile record ends `invalid` with located issues and leaves every table as it was
 * (contentHash, once the import's own bookkeeping row is set aside); a valid file — duplicated ids
 * included, where the later record wins — leaves exactly its rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CsvMapping } from '../../../shared/import';
import type { ImportFormat } from '../../../shared/ops/alerts';
import type { ApiError, Issue } from '../../../shared/result';
import { runImport, type WorkerMessage } from '../../../electron/services/alerts/import-run';
import { newControl } from '../../../electron/services/alerts/jobs';
import type { Db } from '../../../electron/store/database';
import { fixtureFile, runImport as importThroughApp, type AlertsApp } from '../alerts/helpers';
import { contentHash, suiteApp, testApp } from '../helpers';
import { insertTenants } from '../sync/helpers';
import {
  OURS,
  caseArb,
  csvColumnsArb,
  csvOf,
  jsonOf,
  ndjsonOf,
  type Case,
} from './props-alerts-arb';

const RUNS = { thread: 120, app: 2 };
const FORMATS: ImportFormat[] = ['ndjson', 'json', 'csv'];

/** Cases of one file, with some ids repeated (the later record must win). */
const fileArb = (csv: boolean) =>
  fc
    .tuple(fc.array(caseArb(csv), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 2 }))
    .map(([cases, dups]): Case[] => {
      const out = cases.map((c) => ({ ...c, json: { ...c.json } }));
      for (const d of dups) {
        const from = out[d % Math.max(1, out.length)];
        const to = out[(d >> 3) % Math.max(1, out.length)];
        if (!from || !to || from === to || !from.want || !to.want) continue;
        to.json.sourceId = from.json.sourceId;
        to.json.source = from.json.source;
        to.json.threatKind = from.json.threatKind;
        to.json.severity = from.json.severity;
        to.json.important = from.json.important;
        to.want = { ...to.want, sourceId: from.want.sourceId, severity: from.want.severity };
        if (from.json.important === undefined) delete to.json.important;
      }
      return out;
    });

function fileOf(
  format: ImportFormat,
  cases: Case[],
  columns: string[],
): { text: string; mapping?: CsvMapping } {
  const json = cases.map((c) => c.json);
  if (format === 'json') return jsonOf(json, { indent: 2, bom: false, crlf: false });
  if (format === 'ndjson') return ndjsonOf(json, { crlf: true, blank: false, bom: true });
  return csvOf(json, columns, { crlf: false, bom: true });
}

function expectLocated(issues: Issue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.path).toMatch(/\S/);
    expect(i.message).toMatch(/^(errors|alerts):[\w.]+$/);
    expect(Number.isInteger(i.line) && i.line! >= 1).toBe(true);
  }
}

/** The store holds, for every key of a valid file, what its last record says. */
function expectRows(db: Db, cases: Case[]): void {
  const last = new Map(cases.map((c) => [c.want!.sourceId, c.want!]));
  const row = db.prepare(
    'SELECT customer_id, severity, detected_at, title_ja FROM alerts WHERE source_id = ?',
  );
  for (const w of last.values())
    expect(row.all(w.sourceId)).toEqual([
      {
        customer_id: w.customerId,
        severity: w.severity,
        detected_at: w.detectedAt,
        title_ja: w.titleJa,
      },
    ]);
}

describe('whole imports in the worker function, against the store', () => {
  const suite = suiteApp({ demo: false });
  beforeAll(() => insertTenants(suite.current.db));
  let n = 0;

  async function importFile(
    format: ImportFormat,
    text: string,
    mapping: CsvMapping | undefined,
  ): Promise<{ end: Extract<WorkerMessage, { type: 'end' }>; importId: number }> {
    const app = suite.current;
    const path = join(app.dataDir, `props-${n++}.${format}`);
    writeFileSync(path, text);
    const importId = Number(
      app.db
        .prepare(
          `INSERT INTO alert_imports (started_at, actor, file_name, format, customer_ids, state)
           VALUES (0, 'props', 'f', ?, ?, 'validating')`,
        )
        .run(format, JSON.stringify(OURS)).lastInsertRowid,
    );
    let end: Extract<WorkerMessage, { type: 'end' }> | null = null;
    await runImport(
      {
        mode: 'import',
        store: app.ctx.store,
        importId,
        path,
        format,
        mapping,
        customers: [...OURS],
        control: newControl().buffer as SharedArrayBuffer,
      },
      (m) => {
        if (m.type === 'end') end = m;
      },
    );
    expect(end).not.toBeNull();
    return { end: end!, importId };
  }

  it.each(FORMATS)(
    `%s: a hostile file changes nothing, a valid one leaves exactly its rows (${RUNS.thread} cases)`,
    async (format) => {
      const app = suite.current;
      await fc.assert(
        fc.asyncProperty(fileArb(format === 'csv'), csvColumnsArb, async (cases, columns) => {
          const before = contentHash(app.db);
          const { text, mapping } = fileOf(format, cases, columns);
          const { end, importId } = await importFile(format, text, mapping);
          if (cases.some((c) => c.bad !== null)) {
            expect(end.state).toBe('invalid');
            expectLocated(end.issues ?? []);
            app.db.prepare('DELETE FROM alert_imports WHERE id = ?').run(importId);
            expect(contentHash(app.db)).toBe(before);
          } else {
            expect(end).toMatchObject({ state: 'done', counts: { records: cases.length } });
            const c = end.counts;
            expect(c.inserted + c.updated + c.unchanged).toBe(cases.length);
            expectRows(app.db, cases);
          }
        }),
        { numRuns: RUNS.thread, seed: 0xd1 + format.length, timeout: 10_000 },
      );
    },
    120_000,
  );
});

describe('whole imports through app.dispatch and the worker thread', () => {
  it(`answers a typed, located error and writes nothing, or imports exactly (${RUNS.app} cases per format)`, async () => {
    // The tenants only (a small store keeps the hash and the worker quick).
    const base = testApp({ demo: false });
    insertTenants(base.db);
    const events: AlertsApp['events'] = [];
    base.ctx.emit = (event, payload) =>
      events.push({ event, payload } as AlertsApp['events'][number]);
    await base.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const app: AlertsApp = { ...base, events };
    for (const format of FORMATS) {
      await fc.assert(
        fc.asyncProperty(fileArb(format === 'csv'), csvColumnsArb, async (cases, columns) => {
          const before = contentHash(app.db);
          const last = (table: string) =>
            (
              app.db.prepare(`SELECT coalesce(max(rowid), 0) AS n FROM ${table}`).get() as {
                n: number;
              }
            ).n;
          const marks = { imports: last('alert_imports'), audit: last('audit_log') };
          const file = fileOf(format, cases, columns);
          const r = await importThroughApp(app, fixtureFile(app, `p.${format}`, file.text), {
            format,
            ...(file.mapping && { mapping: file.mapping }),
          });
          if (cases.some((c) => c.bad !== null)) {
            expect(r.ok).toBe(false);
            const e = (r as { error: ApiError }).error;
            expect(e.code).toBe('invalid_input');
            expectLocated(e.issues ?? []);
            // Set aside the import's own bookkeeping: its row and its audit entry.
            app.db.prepare('DELETE FROM alert_imports WHERE rowid > ?').run(marks.imports);
            app.db
              .prepare(`DELETE FROM audit_log WHERE rowid > ? AND action = 'alert.import'`)
              .run(marks.audit);
            expect(contentHash(app.db)).toBe(before);
          } else {
            expect(r.ok, JSON.stringify(r)).toBe(true);
            expectRows(app.db, cases);
          }
        }),
        { numRuns: RUNS.app, seed: 0xd5, timeout: 30_000 },
      );
    }
  }, 120_000);
});
