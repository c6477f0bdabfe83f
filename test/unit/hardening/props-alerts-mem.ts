/**
 * Import files served from memory in chunks of a chosen size, for the alert reader tests
 * (props-alerts-*.test.ts mock node:fs with these; the reader itself is not mocked).
 */
import { Readable } from 'node:stream';
import type * as Fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';

export const mem = { files: new Map<string, { bytes: Buffer; chunk: number }>() };

export function fakeFs(fs: typeof Fs): typeof Fs {
  return {
    ...fs,
    createReadStream: ((path: string, opts?: { start?: number; end?: number }) => {
      const f = mem.files.get(String(path));
      if (!f) return fs.createReadStream(path, opts);
      const bytes = f.bytes.subarray(opts?.start ?? 0, (opts?.end ?? f.bytes.length - 1) + 1);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += f.chunk) chunks.push(bytes.subarray(i, i + f.chunk));
      return Readable.from(chunks);
    }) as typeof Fs.createReadStream,
  };
}

export function fakeFsPromises(fs: typeof FsPromises): typeof FsPromises {
  return {
    ...fs,
    readFile: ((path: string) => {
      const f = mem.files.get(String(path));
      return f ? Promise.resolve(Buffer.from(f.bytes)) : fs.readFile(path);
    }) as typeof FsPromises.readFile,
  };
}
