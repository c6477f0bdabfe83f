import type { z } from 'zod';

/**
 * One operation of the API contract: its input schema, and (as a phantom type) its result.
 * `op<Result>()(schema)` declares one; see shared/api.ts for the full list.
 */
export interface Operation<I extends z.ZodType, R> {
  readonly input: I;
  /** Never set: carries the result type only. */
  readonly result?: R;
}

export const op =
  <R>() =>
  <I extends z.ZodType>(input: I): Operation<I, R> => ({ input });
