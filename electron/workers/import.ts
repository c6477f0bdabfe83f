/**
 * Worker thread of an alert import (or of undoing one): see electron/services/alerts/import-run.ts.
 * It opens its own connection to the encrypted store with the key it is given in memory (never
 * logged) and reports progress and its end to the main process as messages. The same file also
 * runs the import's reader thread (workerData.role 'reader', import-reader.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImport, type ImportJobData, type WorkerMessage } from '../services/alerts/import-run';
import { runReader, type ReaderJob } from '../services/alerts/import-reader';

const port = parentPort;
if (port) {
  const data = workerData as ImportJobData | ReaderJob;
  if ('role' in data) void runReader(data, port);
  else {
    const post = (m: WorkerMessage) => port.postMessage(m);
    runImport(data, post).catch(() => {
      post({
        type: 'end',
        state: 'failed',
        counts: { records: 0, inserted: 0, updated: 0, unchanged: 0 },
      });
    });
  }
}
