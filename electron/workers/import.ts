/**
 * Worker thread of an alert import (or of undoing one): see electron/services/alerts/import-run.ts.
 * It opens its own connection to the encrypted store with the key it is given in memory (never
 * logged) and reports progress and its end to the main process as messages. The same file also
 * runs the import's helper threads: the second half of the check (role 'check', import-check.ts)
 * and the reader of the second pass (role 'reader', import-reader.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImport, type ImportJobData, type WorkerMessage } from '../services/alerts/import-run';
import { runChecker, type CheckJob } from '../services/alerts/import-check';
import { runReader, type ReaderJob } from '../services/alerts/import-reader';

const port = parentPort;
if (port) {
  const data = workerData as ImportJobData | ReaderJob | CheckJob;
  if ('role' in data) {
    if (data.role === 'reader') void runReader(data, port);
    else void runChecker(data, port);
  } else {
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
