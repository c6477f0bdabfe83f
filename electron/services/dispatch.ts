import type { z } from 'zod';
import { api, isOperationName, type OperationName } from '../../shared/api';
import { ApiFailure, apiError, type Issue, type Result } from '../../shared/result';
import type { ServiceContext } from './context';
import type { Handler, Handlers } from './handlers-types';
import { describeError } from './privacy/log';

/** Turns zod's issues into located, translatable ones (`errors:issue.<code>`). */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 50).map((i) => {
    const params: Record<string, string | number> = {};
    if ('expected' in i && typeof i.expected === 'string') params.expected = i.expected;
    if ('minimum' in i) params.minimum = Number(i.minimum);
    if ('maximum' in i) params.maximum = Number(i.maximum);
    if ('keys' in i && Array.isArray(i.keys)) params.keys = i.keys.slice(0, 10).join(', ');
    return {
      path: i.path.map(String).join('.') || '(input)',
      message: `errors:issue.${i.code}`,
      params,
    };
  });
}

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The one way into the services, shared by the IPC binding and the browser host: looks up the
 * operation, parses its input with the contract's schema, runs it, and returns a typed result.
 * Nothing thrown escapes; unexpected errors become `internal` without detail (no stack, no paths).
 */
export function createDispatch(handlers: Handlers, ctx: ServiceContext): Dispatch {
  return async (name, input) => {
    if (!isOperationName(name)) return { ok: false, error: apiError('unknown_operation') };
    // An IPC invoke without an argument sends undefined: the same as no fields. null is not.
    const parsed = api[name].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      return { ok: false, error: apiError('invalid_input', { issues: toIssues(parsed.error) }) };
    }
    try {
      const handler = handlers[name] as Handler<OperationName>;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof ApiFailure) return { ok: false, error: e.error };
      // Log the operation and error kind only: inputs, and so messages, can hold personal data.
      console.error(`[soc-desk] ${name} failed: ${describeError(e)}`);
      return { ok: false, error: apiError('internal') };
    }
  };
}
