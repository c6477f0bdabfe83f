import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FileRef } from '../../../shared/api';
import { fail } from '../../../shared/result';

/** The largest file the browser host accepts as an upload (documented in docs/design.md). */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

interface Entry extends FileRef {
  path: string;
  /** Ours to delete (uploads, generated exports), as opposed to a file the user picked. */
  temporary: boolean;
  /** Customers whose data the file holds: only a profile that sees all of them may fetch it. */
  customerIds: string[] | null;
  createdAt: number;
}

/**
 * Files an operation reads or wrote, by unguessable id. Uploads and exports live in `<data>/tmp`
 * (0700), which is emptied at start; files picked in the desktop app's dialog are only referenced.
 */
export class FileRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly tmpDir: string) {
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir, { recursive: true, mode: 0o700 });
  }

  private newId(): string {
    return randomBytes(18).toString('base64url');
  }

  /** A file the user chose in a dialog (not copied, not deleted). */
  registerPicked(path: string, name: string): FileRef {
    const fileId = this.newId();
    const size = statSync(path).size;
    this.entries.set(fileId, {
      fileId,
      name,
      size,
      path,
      temporary: false,
      customerIds: null,
      createdAt: Date.now(),
    });
    return { fileId, name, size };
  }

  /** A path for a new output file; call `commit` once written. */
  createOutput(name: string, customerIds: string[] | null): { path: string; commit(): FileRef } {
    const fileId = this.newId();
    const path = join(this.tmpDir, fileId);
    return {
      path,
      commit: () => {
        const size = statSync(path).size;
        this.entries.set(fileId, {
          fileId,
          name,
          size,
          path,
          temporary: true,
          customerIds,
          createdAt: Date.now(),
        });
        return { fileId, name, size };
      },
    };
  }

  /**
   * Streams an upload to a temporary file, refusing it (and keeping nothing) past the limit — at
   * once, before reading a byte, when the sender declared a larger size (HTTP Content-Length).
   */
  async receive(
    body: Readable,
    name: string,
    limit = MAX_UPLOAD_BYTES,
    declaredBytes?: number,
  ): Promise<FileRef> {
    if (declaredBytes !== undefined && declaredBytes > limit)
      fail('payload_too_large', { params: { limit } });
    const out = this.createOutput(name, null);
    let size = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > limit) fail('payload_too_large', { params: { limit } });
            yield chunk;
          }
        },
        createWriteStream(out.path, { mode: 0o600 }),
      );
    } catch (e) {
      rmSync(out.path, { force: true });
      throw e;
    }
    return out.commit();
  }

  /** The file behind an id, or `not_found`. */
  get(fileId: string): Entry {
    const entry = this.entries.get(fileId);
    if (!entry) fail('not_found');
    return entry;
  }

  discard(fileId: string): void {
    const entry = this.entries.get(fileId);
    if (!entry) return;
    this.entries.delete(fileId);
    if (entry.temporary) rmSync(entry.path, { force: true });
  }

  /** Deletes temporary files older than `maxAgeMs` (a day by default). */
  sweep(now = Date.now(), maxAgeMs = 24 * 60 * 60 * 1000): void {
    for (const entry of [...this.entries.values()]) {
      if (now - entry.createdAt > maxAgeMs) this.discard(entry.fileId);
    }
    for (const f of readdirSync(this.tmpDir))
      if (!this.entries.has(f)) rmSync(join(this.tmpDir, f), { force: true });
  }
}
