import type { ErrorCode } from '../../shared/result';
import { ApiFailure, apiError } from '../../shared/result';

/** A store failure the user must be told about, in their language (errors:<code>). */
export class StoreError extends ApiFailure {
  constructor(
    code: Extract<ErrorCode, `store_${string}`>,
    params: Record<string, string | number> = {},
  ) {
    super(apiError(code, { params }));
    this.name = 'StoreError';
  }
}
