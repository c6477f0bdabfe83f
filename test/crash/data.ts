/**
 * The import file of the crash tests: the demo generator's alerts in SOC Desk's NDJSON format
 * (docs/import-format.md), with a prefix on every `sourceId` so that none of them matches an alert
 * the demo world already holds — every record is then an insert, and "exactly N added" is exact.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { generateAlerts } from '../../shared/demo';
import { IMPORT_FORMAT, IMPORT_VERSION } from '../../shared/import';
import { toRecord } from '../bench/data';

export async function writeImportFile(
  path: string,
  now: number,
  count: number,
  prefix = 'CRASH-',
): Promise<void> {
  const out = createWriteStream(path);
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(`${JSON.stringify({ format: IMPORT_FORMAT, version: IMPORT_VERSION })}\n`);
  let buf = '';
  for (const a of generateAlerts({ now, count })) {
    buf += `${JSON.stringify({ ...toRecord(a), sourceId: prefix + a.sourceId })}\n`;
    if (buf.length > 1 << 20) {
      await put(buf);
      buf = '';
    }
  }
  await put(buf);
  out.end();
  await once(out, 'finish');
}
