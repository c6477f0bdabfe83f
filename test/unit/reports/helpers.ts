/**
 * Test helpers for reports: an app with a profile and a stand-in PDF printer (unit tests have no
 * Chromium; the real printers are exercised end to end). The ZIP writer is in zip.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { FileRef } from '../../../shared/api';
import type { Alert } from '../../../shared/domain/alert';
import type { Result } from '../../../shared/result';
import { alertWriter } from '../../../electron/store/alerts';
import { testApp, tempDir } from '../helpers';
import { FAKE_PDF } from './zip';

export * from './zip';

export type App = ReturnType<typeof testApp>;

/** A demo app with `profile` chosen and a PDF printer that records what it was asked to print. */
export async function reportApp(
  profile: { kind: 'partner' | 'customer'; id: string },
  opts: Parameters<typeof testApp>[0] = {},
): Promise<App & { printed: string[] }> {
  const app = testApp(opts);
  const printed: string[] = [];
  app.ctx.pdf = {
    print: (route) => {
      printed.push(route);
      return Promise.resolve(new Uint8Array(FAKE_PDF));
    },
  };
  ok(await app.dispatch('session.setProfile', profile));
  return Object.assign(app, { printed });
}

export function ok<T>(r: Result<T> | Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export function failed(r: Result<unknown>) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

/** The bytes of an output file the app handed out. */
export function bytesOf(app: App, ref: FileRef): Buffer {
  return readFileSync(app.ctx.files.get(ref.fileId).path);
}

/** Registers bytes as an uploaded file of the app (what the browser host does with an upload). */
export function upload(app: App, bytes: Buffer, name = 'report.socdesk'): FileRef {
  const out = app.ctx.files.createOutput(name, null);
  writeFileSync(out.path, bytes);
  return out.commit();
}

/** Writes a buffer to a temporary file (the reader's ordinary input). */
export function tempFile(bytes: Buffer, name = 'b.socdesk'): string {
  const path = join(tempDir('socdesk-bundle-'), name);
  writeFileSync(path, bytes);
  return path;
}

/** What a streamed export had on disk when it reported progress. */
export interface PartSnapshot {
  done: number;
  /** The `.part` files of the app's output folder at that moment (the export writes exactly one). */
  parts: string[];
  bytes: Buffer;
}

/**
 * Reads the export's `.part` file at each `job.progress` event (emitted synchronously by the
 * export, between pages): proof that rows reach the file page by page, before the job finishes.
 */
export function watchParts(app: App): PartSnapshot[] {
  const dir = dirname(app.ctx.files.createOutput('probe', null).path);
  const seen: PartSnapshot[] = [];
  const emit = app.ctx.emit;
  app.ctx.emit = (event, payload) => {
    if (event === 'job.progress') {
      const parts = readdirSync(dir).filter((f) => f.endsWith('.part'));
      const bytes = parts.length === 1 ? readFileSync(join(dir, parts[0]!)) : Buffer.alloc(0);
      seen.push({ done: (payload as { done: number }).done, parts, bytes });
    }
    emit(event, payload);
  };
  return seen;
}

/** The files of the app's output folder (uploads and exports). */
export function outputFiles(app: App): string[] {
  return readdirSync(dirname(app.ctx.files.createOutput('probe', null).path));
}

/** A plain CTS recon alert of `customerId` at `at`, with `overrides` (rows written by tests). */
export function testAlert(
  customerId: string,
  sourceId: string,
  at: number,
  overrides: Partial<Alert> = {},
): Alert {
  return {
    source: 'cts',
    sourceId,
    customerId,
    module: null,
    threatClass: 'recon',
    threatKind: 'recon-access',
    severity: 'high',
    sourceSeverity: 'High',
    important: false,
    titleJa: '偵察通信',
    titleEn: 'Recon',
    descriptionJa: '外部からの偵察通信を検知しました。',
    descriptionEn: 'Reconnaissance traffic from outside was detected.',
    originalText: null,
    detectedAt: at,
    notifiedAt: null,
    firstSeen: at,
    lastSeen: at,
    count: 1,
    status: 'new',
    killChain: null,
    tactic: null,
    hosts: ['pc-1'],
    indicators: [],
    communications: [],
    ...overrides,
  };
}

/** `n` plain alerts of one customer, a minute apart from `startIso` (bulk for streamed exports). */
export function manyAlerts(app: App, customerId: string, n: number, startIso: string): void {
  const write = alertWriter(app.db);
  const start = Date.parse(startIso);
  app.db.transaction(() => {
    for (let i = 0; i < n; i++)
      write(
        testAlert(customerId, `CTS-BULK-${customerId}-${i}`, start + i * 60_000, {
          titleJa: `偵察通信 ${i}`,
          titleEn: `Recon ${i}`,
          hosts: [`pc-${i % 50}`],
        }),
      );
  })();
}
