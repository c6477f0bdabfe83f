/**
 * Files in and out, whichever host runs the app. Desktop: the main process shows the OS dialogs.
 * Browser host: a file input and an upload (with progress), and a download of the exported file.
 * Feature stores call these; the returned `FileRef` is what import and export operations take.
 */
import type { FileRef } from '../shared/api';
import { apiError, type Result } from '../shared/result';
import { authHeader, call, isDesktop } from './api';

export interface PickOptions {
  /** File name extensions without the dot, e.g. ['json', 'ndjson', 'csv']. */
  extensions: string[];
  onProgress?: (sent: number, total: number) => void;
}

function chooseInBrowser(extensions: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Sends a browser File to the host (XMLHttpRequest: fetch cannot report upload progress). */
export function upload(
  file: File,
  onProgress?: (sent: number, total: number) => void,
): Promise<Result<FileRef>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Authorization', authHeader());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<FileRef>);
      } catch {
        resolve({ ok: false, error: apiError('internal') });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, error: apiError('internal', { message: 'errors:host_unreachable' }) });
    xhr.send(file);
  });
}

/** Lets the user choose a file; null when they cancel. */
export async function pickFile(opts: PickOptions): Promise<Result<FileRef | null>> {
  if (isDesktop()) return call('files.open', { extensions: opts.extensions });
  const file = await chooseInBrowser(opts.extensions);
  if (!file) return { ok: true, value: null };
  return upload(file, opts.onProgress);
}

/** Saves an exported file where the user wants it (desktop dialog, or the browser's download). */
export async function saveFile(ref: FileRef): Promise<Result<{ saved: boolean }>> {
  if (isDesktop()) return call('files.save', { fileId: ref.fileId });
  try {
    const res = await fetch(`/api/files/${encodeURIComponent(ref.fileId)}`, {
      headers: { Authorization: authHeader() },
    });
    if (!res.ok) return (await res.json()) as Result<{ saved: boolean }>;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = ref.name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, value: { saved: true } };
  } catch {
    return { ok: false, error: apiError('internal', { message: 'errors:host_unreachable' }) };
  }
}
