/**
 * The file half of the large CSV exports (every alert of a report, any alert list view): the BOM
 * and header first, then one page of rows at a time through a file stream, so no more than one
 * page is ever held in memory, even at 10^6 alerts. The rows go to `<path>.part` in the same folder
 * and are renamed to `path` only once all of them are on disk, so a cancelled or failed export
 * leaves no half file that could pass for a whole one.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { CSV_BOM, csvRow } from '../../../shared/csv';

/** Writes one page of `csvRow` text; resolves once it is in the file. */
export type WritePage = (text: string) => Promise<void>;

/** Where the rows are while the export runs (tests watch it grow). */
export const partPath = (path: string) => `${path}.part`;

export async function writeCsvFile(
  path: string,
  header: readonly string[],
  pages: (write: WritePage) => Promise<void>,
): Promise<void> {
  const part = partPath(path);
  const file = createWriteStream(part, { mode: 0o600 });
  const stream: { failure: Error | null } = { failure: null };
  // Kept so that an error while no page is being written cannot go unhandled.
  file.on('error', (e) => (stream.failure ??= e));
  const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
  const write: WritePage = async (text) => {
    if (stream.failure) throw stream.failure;
    let settle: (e?: Error | null) => void = () => undefined;
    const written = new Promise<void>((resolve, reject) => {
      settle = (e) => (e ? reject(e) : resolve());
    });
    // 'drain' when the stream's buffer was full; and in every case the page's own callback, so a
    // progress event counts rows that are in the file and the next page is read from the store
    // only once the buffer is empty again.
    const drained = file.write(text, settle) ? null : once(file, 'drain');
    await Promise.all([written, drained]);
  };
  try {
    await write(CSV_BOM + csvRow(header));
    await pages(write);
    file.end();
    await closed;
    if (stream.failure) throw stream.failure;
    renameSync(part, path);
  } catch (e) {
    file.destroy();
    await closed;
    rmSync(part, { force: true });
    throw e;
  }
}
