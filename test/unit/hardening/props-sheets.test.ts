/**
 * Property-based tests of importing a sheet a customer prepared (`desk.importSheet`, 300
 * generated files): answers of the wrong type, answers to unknown questions, `__proto__` keys,
 * nesting 2·10^4 deep, a broken embedded template, truncations, flips and random bytes are
 * refused with typed issues naming a path and a line, and the store is left exactly as it was
 * (contentHash). A well-formed sheet is taken in once, and the shipped template stays the shipped
 * one whatever was refused before (a refused import once rolled back the shipped rows while the
 * service still believed them stored).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PREPARED_FORMAT,
  PREPARED_FORMAT_VERSION,
  SHIPPED_TEMPLATES,
} from '../../../shared/hearing-sheet';
import { contentHash, suiteApp } from '../helpers';
import { insertTenants } from '../sync/helpers';
import { nested } from './props-template-arb';

const RUNS = 300;
const sheet = () => ({
  format: PREPARED_FORMAT,
  formatVersion: PREPARED_FORMAT_VERSION,
  sheetId: 'PRE-20261122-AB12',
  preparedAt: '2026-11-22T09:00:00+09:00',
  exportedAt: '2026-11-22T09:05:00+09:00',
  customer: { id: 'c-aoba', name: { ja: 'あおば', en: 'Aoba' } },
  alerts: [] as unknown[],
  template: structuredClone(SHIPPED_TEMPLATES[0]!) as Record<string, unknown>,
  answers: {} as Record<string, unknown>,
});
const GOOD = JSON.stringify(sheet(), null, 2);
const firstQuestion = SHIPPED_TEMPLATES[0]!.sections[0]!.questions[0]!.id;
const DEEP = '"@@DEEP@@"';

/** A hostile prepared sheet as text. */
const hostile = fc.oneof(
  fc
    .tuple(fc.nat({ max: 6 }), fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: 10, max: 20_000 }))
    .map(([kind, value, depth]) => {
      const s = sheet();
      if (kind === 0) s.answers[firstQuestion] = typeof value === 'string' ? 7 : value;
      else if (kind === 1) s.answers['no-such-question'] = 'x';
      else if (kind === 2) s.answers[firstQuestion] = DEEP;
      else if (kind === 3)
        Object.defineProperty(s.answers, '__proto__', { value: 'x', enumerable: true });
      else if (kind === 4) (s.template.sections as unknown[]).push(DEEP);
      else if (kind === 5) s.alerts.push({ source: 'cts', sourceId: value, title: DEEP });
      else s.template.id = 'Not A Slug';
      return JSON.stringify(s, null, depth % 3).replace(JSON.stringify(DEEP), nested(depth));
    }),
  fc.nat({ max: GOOD.length - 1 }).map((n) => GOOD.slice(0, n)),
  fc
    .array(fc.tuple(fc.nat({ max: GOOD.length - 1 }), fc.integer({ min: 1, max: 255 })), {
      minLength: 1,
      maxLength: 3,
    })
    .map((flips) => {
      const b = Buffer.from(GOOD);
      for (const [at, x] of flips) b[at] = b[at]! ^ x;
      return b;
    }),
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
);

describe('desk.importSheet through the app', () => {
  const suite = suiteApp({ demo: false });
  beforeAll(async () => {
    insertTenants(suite.current.db);
    await suite.current.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
  });
  let n = 0;
  const upload = (text: string | Buffer) => {
    const path = join(suite.current.dataDir, `sheet-${n++}.json`);
    writeFileSync(path, text);
    return suite.current.ctx.files.registerPicked(path, 'sheet.json').fileId;
  };

  it(`answers a hostile sheet with a typed, located error and writes nothing (${RUNS} cases)`, async () => {
    const app = suite.current;
    await fc.assert(
      fc.asyncProperty(hostile, async (file) => {
        const text = file.toString();
        const before = contentHash(app.db);
        const r = await app.dispatch('desk.importSheet', { fileId: upload(file) });
        // A flip inside a name or a date may leave a good sheet: then it is taken in whole.
        if (r.ok) return;
        expect(contentHash(app.db)).toBe(before);
        // A flip inside the embedded template's text makes another "version 1": refused as such.
        if (r.error.code === 'conflict') {
          expect(r.error).toMatchObject({
            message: 'desk:error.templateVersionExists',
            params: { id: 'cts-incident-support', version: 1 },
          });
          return;
        }
        expect(r.error).toMatchObject({ code: 'invalid_input', message: 'desk:error.badSheet' });
        const lines = text.split('\n').length;
        for (const i of r.error.issues ?? []) {
          expect(i.path).toMatch(/\S/);
          expect(Number.isInteger(i.line) && i.line! >= 1 && i.line! <= lines).toBe(true);
        }
        expect(r.error.issues?.length).toBeGreaterThan(0);
        expect(contentHash(app.db)).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 0x5ee7, timeout: 10_000 },
    );
  }, 120_000);

  it('takes a well-formed sheet in once', async () => {
    const app = suite.current;
    // The shipped version stays the shipped one, whatever was refused before.
    expect(
      app.db
        .prepare(
          `SELECT origin FROM hearing_templates WHERE id = 'cts-incident-support' AND version = 1`,
        )
        .pluck()
        .get(),
    ).toBe('shipped');
    const good = GOOD.replace('PRE-20261122-AB12', 'PRE-20261122-ZZ99');
    const r = await app.dispatch('desk.importSheet', { fileId: upload(good) });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { alreadyImported: false } });
    const again = await app.dispatch('desk.importSheet', { fileId: upload(good) });
    expect(again).toMatchObject({ ok: true, value: { alreadyImported: true } });
  });
});
