import { constants } from 'node:fs';
import { access, copyFile, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fail } from '../../../shared/result';

/** Enough free names for any sensible folder; past it the user is told to choose another one. */
const MAX_COPIES = 99;

/** Why a folder cannot take a file: its permissions, a read-only disk, gone, full. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'ENOSPC', 'EDQUOT']);

const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null ? (e as { code?: string }).code : undefined;

/** `a.pdf`, then `a (2).pdf`, `a (3).pdf`… */
export function numberedName(name: string, n: number): string {
  if (n === 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

/**
 * Copies a set of files into a folder the user chose, under their own names, and never over a
 * file already there: when one name is taken the whole set takes the next free number, so
 * `ESC-… (2).pdf` and `ESC-… (2).json` stay a pair. Each copy is exclusive (O_EXCL), so a file
 * appearing meanwhile is not overwritten either. A set is written whole or not at all: what an
 * attempt wrote is removed when a later copy fails. Returns the names written.
 */
export async function copyIntoFolder(
  folder: string,
  files: ReadonlyArray<{ name: string; path: string }>,
): Promise<string[]> {
  const names = files.map((f) => basename(f.name));
  if (new Set(names).size !== names.length) fail('invalid_input');
  // A missing source is ours (a swept temporary file), not the folder's fault.
  for (const f of files) await access(f.path).catch(() => fail('not_found'));
  for (let n = 1; n <= MAX_COPIES; n++) {
    const attempt = names.map((name) => numberedName(name, n));
    const written: string[] = [];
    try {
      for (const [i, f] of files.entries()) {
        const target = join(folder, attempt[i]!);
        await copyFile(f.path, target, constants.COPYFILE_EXCL);
        written.push(target);
      }
      return attempt;
    } catch (e) {
      await Promise.all(written.map((p) => rm(p, { force: true })));
      const code = codeOf(e);
      if (code === 'EEXIST') continue;
      if (code !== undefined && UNWRITABLE.has(code))
        fail('unavailable', { message: 'errors:folder_not_writable', params: { folder } });
      throw e;
    }
  }
  fail('conflict', { message: 'errors:folder_names_taken', params: { name: names[0] ?? '' } });
}
