/**
 * Hostile files for the size-limit tests (test/unit/hardening/limits.test.ts): sparse files of any
 * size that take no disk space, and ZIP bombs that inflate to gigabytes from a couple of MB.
 */
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MiB = 1024 * 1024;

/** A file of `bytes` bytes: `head` and then zeros, as a hole (no disk space, no write time). */
export function sparseFile(path: string, bytes: number, head = ''): string {
  const fd = openSync(path, 'w');
  try {
    if (head) writeSync(fd, head);
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return path;
}

/**
 * A raw DEFLATE stream of `mib` MiB of zeros, ~1 KiB per MiB: one self-contained block (full
 * flush), repeated, then an empty final block. Built without inflating or deflating gigabytes.
 */
export function deflatedZeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(block), Buffer.from([0x03, 0x00])]);
}

export interface BombEntry {
  name: string;
  /** The bytes as stored (already deflated when `method` is 8). */
  stored: Buffer;
  method: 0 | 8;
  /** The uncompressed size the ZIP declares (local header and central directory). */
  declared: number;
  crc: number;
}

/** A member stored as is (small, honest). */
export const plain = (name: string, data: Buffer): BombEntry => ({
  name,
  stored: data,
  method: 0,
  declared: data.length,
  crc: crc32(data),
});

/** A ZIP written byte by byte, trusting whatever each entry declares. */
export function zipOf(entries: BombEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'ascii');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, e.stored);
    centrals.push(central, name);
    offset += 30 + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * A report bundle whose manifest inflates to `mib` MiB of zeros while it declares `declared`
 * bytes: the two other members are there, so the reader gets as far as inflating the manifest.
 */
export function bombBundle(mib: number, declared: number): Buffer {
  const manifest: BombEntry = {
    name: 'manifest.json',
    stored: deflatedZeros(mib),
    method: 8,
    declared,
    crc: 0,
  };
  return zipOf([
    manifest,
    plain('report.json', Buffer.from('{}')),
    plain('report.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')),
  ]);
}
