import type { FileRef } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { call, isDesktop } from '../../api';
import { saveFile } from '../../files';

export interface SavedPackage {
  saved: boolean;
  /** The folder chosen in the desktop app; null for the browser's downloads. */
  folder: string | null;
  names: string[];
}

/** The browser host cannot choose a folder: one download per file, under the file's own name. */
async function downloadAll(refs: FileRef[]): Promise<Result<SavedPackage>> {
  for (const ref of refs) {
    const r = await saveFile(ref);
    if (!r.ok) return r;
  }
  return { ok: true, value: { saved: true, folder: null, names: refs.map((r) => r.name) } };
}

/**
 * The package's PDF and JSON saved together, to send to the second line another way
 * (002 別紙3 1(2)③): in the desktop app into one folder the user chooses, in the browser host as
 * two downloads; named after the package (`<packageId>.pdf`, `<packageId>.json`). Once both are
 * saved the delivery is recorded as 'file' (deliveries list, timeline, audit log). A failure
 * changes nothing: the package stays and the save can be tried again.
 */
export async function savePackage(packageId: string): Promise<Result<SavedPackage>> {
  const refs: FileRef[] = [];
  try {
    for (const part of ['pdf', 'json'] as const) {
      const ref = await call('desk.packageFile', { packageId, part });
      if (!ref.ok) return ref;
      refs.push(ref.value);
    }
    const saved = isDesktop()
      ? await call('files.saveToFolder', { fileIds: refs.map((r) => r.fileId) })
      : await downloadAll(refs);
    if (!saved.ok || !saved.value.saved) return saved;
    const recorded = await call('desk.recordFileDelivery', { packageId });
    return recorded.ok ? saved : recorded;
  } finally {
    // The temporary copies are no longer needed once written or downloaded.
    for (const ref of refs) void call('files.discard', { fileId: ref.fileId });
  }
}
