/**
 * Test helpers for reports: an app with a profile and a stand-in PDF printer (unit tests have no
 * Chromium; the real printers are exercised end to end). The ZIP writer is in zip.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FileRef } from '../../../shared/api';
import type { Result } from '../../../shared/result';
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
