import { z } from 'zod';
import { op } from './op';
import { empty } from './session';

/**
 * A file on the main side that an operation reads (an import) or wrote (an export). Operations take
 * and return these references; bytes never travel through the API itself.
 */
export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

/** Where files.saveToFolder wrote: the folder and the names, or nothing when the dialog was cancelled. */
export type SavedToFolder =
  { saved: true; folder: string; names: string[] } | { saved: false; folder: null; names: [] };

export const fileId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'fileId');
const extension = z.string().regex(/^[a-z0-9]{1,12}$/);

export const filesOps = {
  /** Desktop app: the OS "open" dialog (the browser host uploads instead, `POST /api/upload`). */
  'files.open': op<FileRef | null>()(
    z.object({ extensions: z.array(extension).min(1).max(10) }).strict(),
  ),
  /** Desktop app: the OS "save" dialog, then writes the file (the browser host downloads it). */
  'files.save': op<{ saved: boolean }>()(z.object({ fileId }).strict()),
  /**
   * Desktop app: one "choose a folder" dialog, then writes the files there under their own names,
   * never over an existing file (a taken name gives the set the next free number: `a (2).pdf`).
   * The browser host, which cannot choose a folder, downloads each file instead.
   */
  'files.saveToFolder': op<SavedToFolder>()(
    z
      .object({
        fileIds: z
          .array(fileId)
          .min(1)
          .max(10)
          .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate fileId' }),
      })
      .strict(),
  ),
  /** Forget a file the renderer no longer needs (temporary files are deleted). */
  'files.discard': op<null>()(z.object({ fileId }).strict()),
  /** Limits the hosts apply, so the renderer can refuse early. */
  'files.limits': op<{ maxUploadBytes: number }>()(empty),
};
