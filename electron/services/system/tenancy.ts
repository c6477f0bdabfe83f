/**
 * Tenant isolation for the references an operation can name besides records: files and jobs
 * (docs/security.md "Tenant isolation"). Records are scoped by each feature through scope.ts; these
 * two are opaque ids handed out by the main process, so one rule here covers every operation:
 *
 * - An operation whose input names a file (`fileId`: save, discard, every import, restore) may use
 *   it only if the profile sees every customer the file holds data of (an export made for another
 *   customer is `not_found`, exactly like a file that does not exist). Uploads and files picked in
 *   the open dialog hold no customer's data yet and stay usable.
 * - A job (an export or import running in the background) belongs to the profile that started it:
 *   only that profile may cancel it (`not_found` for anyone else).
 */
import { fail } from '../../../shared/result';
import type { OperationName } from '../../../shared/api';
import type { ServiceContext } from '../context';
import { fileInScope } from '../files/handlers';
import type { Handler, Handlers } from '../handlers-types';
import { actor } from '../scope';

const stringField = (value: unknown, key: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : null;
};

/** Who started which job (job ids are random; entries are few and small). */
const jobOwners = new WeakMap<ServiceContext, Map<string, string>>();

function owners(ctx: ServiceContext): Map<string, string> {
  let m = jobOwners.get(ctx);
  if (!m) jobOwners.set(ctx, (m = new Map<string, string>()));
  return m;
}

/** Every handler, wrapped with the file and job rules above. */
export function withTenancyGuards(handlers: Handlers): Handlers {
  const wrapped = {} as Record<OperationName, Handler<OperationName>>;
  for (const name of Object.keys(handlers) as OperationName[]) {
    const handler = handlers[name] as Handler<OperationName>;
    wrapped[name] = async (input, ctx) => {
      const fileId = stringField(input, 'fileId');
      if (fileId !== null) fileInScope(ctx, fileId);
      const jobId = stringField(input, 'jobId');
      if (jobId !== null && name.endsWith('.cancelJob')) {
        const owner = owners(ctx).get(jobId);
        if (owner !== undefined && owner !== actor(ctx)) fail('not_found');
      }
      const result = await handler(input, ctx);
      const started = stringField(result, 'jobId');
      if (started !== null) owners(ctx).set(started, actor(ctx));
      return result;
    };
  }
  return wrapped;
}
