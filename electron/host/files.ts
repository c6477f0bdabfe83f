import type { ServiceContext } from '../services/context';
import { fileInScope } from '../services/files/handlers';
import type { HostFiles } from './server';

/** Uploads land in the service's file registry; downloads are checked against the profile's scope. */
export function hostFiles(ctx: ServiceContext): HostFiles {
  return {
    upload: (body, name, declaredBytes) => ctx.files.receive(body, name, undefined, declaredBytes),
    download: (fileId) => fileInScope(ctx, fileId),
  };
}
