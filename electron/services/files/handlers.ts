import { copyFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers-types';
import { scopeCustomers } from '../scope';
import { copyIntoFolder } from './folder';
import { MAX_UPLOAD_BYTES } from './registry';

/**
 * A registered file the current profile may use: exports carry the customers they hold data of,
 * and only a profile that sees all of them may fetch or save them.
 */
export function fileInScope(ctx: ServiceContext, fileId: string) {
  const entry = ctx.files.get(fileId);
  if (entry.customerIds) {
    const allowed = new Set(scopeCustomers(ctx));
    if (!entry.customerIds.every((id) => allowed.has(id))) fail('not_found');
  }
  return entry;
}

export const filesHandlers: Pick<
  Handlers,
  'files.open' | 'files.save' | 'files.saveToFolder' | 'files.discard' | 'files.limits'
> = {
  'files.open': async ({ extensions }, ctx) => {
    if (!ctx.dialogs) fail('unsupported');
    const path = await ctx.dialogs.open({ extensions });
    return path === null ? null : ctx.files.registerPicked(path, basename(path));
  },
  'files.save': async ({ fileId }, ctx) => {
    if (!ctx.dialogs) fail('unsupported');
    const entry = fileInScope(ctx, fileId);
    const target = await ctx.dialogs.save({ defaultName: entry.name });
    if (target === null) return { saved: false };
    await copyFile(entry.path, target);
    return { saved: true };
  },
  'files.saveToFolder': async ({ fileIds }, ctx) => {
    // Every file in scope before any dialog opens: nothing is asked for a file one may not save.
    const entries = fileIds.map((id) => fileInScope(ctx, id));
    if (!ctx.dialogs?.folder) fail('unsupported');
    const folder = await ctx.dialogs.folder();
    if (folder === null) return { saved: false, folder: null, names: [] };
    return { saved: true, folder, names: await copyIntoFolder(folder, entries) };
  },
  'files.discard': ({ fileId }, ctx) => {
    ctx.files.discard(fileId);
    return null;
  },
  'files.limits': () => ({ maxUploadBytes: MAX_UPLOAD_BYTES }),
};
