/**
 * Typed results of API operations. An operation never throws across the process boundary: it
 * returns `{ ok: true, value }` or `{ ok: false, error }`, where `error.message` is a translation key
 * (namespace `errors`) and `params` fill its placeholders. `issues` locate bad input field by field.
 */

export const ERROR_CODES = [
  'invalid_input',
  'unknown_operation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'no_profile',
  'payload_too_large',
  'unsupported',
  'store_newer_version',
  'store_wrong_key',
  'store_key_missing',
  'backup_wrong_passphrase',
  'backup_invalid',
  /** Something outside SOC Desk (a mail server, the PDF printer) failed or is missing; retry later. */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One located problem in an input: where (path, and line for files) and what (a translation key). */
export interface Issue {
  path: string;
  line?: number;
  message: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  /** Translation key, e.g. `errors:invalid_input`. */
  message: string;
  params?: Record<string, string | number>;
  issues?: Issue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function apiError(code: ErrorCode, extra: Omit<Partial<ApiError>, 'code'> = {}): ApiError {
  return { code, message: `errors:${code}`, ...extra };
}

/**
 * Thrown inside services to end an operation with a typed error; the dispatcher turns it into a
 * `{ ok: false }` result. Anything else thrown becomes `internal`, with no detail leaked.
 */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

export function fail(code: ErrorCode, extra: Omit<Partial<ApiError>, 'code'> = {}): never {
  throw new ApiFailure(apiError(code, extra));
}
