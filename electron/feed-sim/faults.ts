/**
 * Faults the simulator can inject into its answers to `GET …/changes`, for the tests' fault matrix
 * and for demos. Each fault applies to the next `times` page requests (default 1), in the order
 * they were injected.
 */
import { z } from 'zod';

const times = z.number().int().min(1).max(1000).default(1);
const afterBytes = z.number().int().min(0).max(10_000_000).optional();

export const faultSchema = z.discriminatedUnion('kind', [
  /** Answer with this HTTP status (500, 503, 429…), optionally with Retry-After seconds. */
  z
    .object({
      kind: z.literal('status'),
      status: z.number().int().min(400).max(599),
      retryAfter: z.number().int().min(0).max(3600).optional(),
      times,
    })
    .strict(),
  /** Accept the request and never answer (a timeout on the client's side). */
  z.object({ kind: z.literal('hang'), times }).strict(),
  /** Send the headers and part of the body (default: half), then nothing more. */
  z.object({ kind: z.literal('stall'), afterBytes, times }).strict(),
  /** Send the headers and part of the body (default: half), then cut the connection. */
  z.object({ kind: z.literal('kill'), afterBytes, times }).strict(),
  /** Answer after a delay. */
  z
    .object({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(600_000), times })
    .strict(),
  /**
   * A page that is not valid feed v1: broken JSON, an item that breaks the schema, an envelope
   * without its cursor, another format version.
   */
  z
    .object({
      kind: z.literal('malformed'),
      mode: z.enum(['json', 'schema', 'envelope', 'version']).default('schema'),
      times,
    })
    .strict(),
  /**
   * Items sent again: `replay` answers with the previous page's items without moving the cursor
   * (a server that rewound); `overlap` starts the page a few items before the cursor.
   */
  z
    .object({
      kind: z.literal('duplicate'),
      mode: z.enum(['replay', 'overlap']).default('replay'),
      times,
    })
    .strict(),
]);

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;

/** The pending faults, consumed one request at a time. */
export class FaultQueue {
  private readonly pending: Fault[] = [];

  add(input: FaultInput | FaultInput[]): void {
    for (const f of Array.isArray(input) ? input : [input]) this.pending.push(faultSchema.parse(f));
  }

  clear(): void {
    this.pending.length = 0;
  }

  get size(): number {
    return this.pending.reduce((n, f) => n + f.times, 0);
  }

  /** The fault for this request, if any (and one use of it spent). */
  take(): Fault | null {
    const f = this.pending[0];
    if (!f) return null;
    if (f.times <= 1) this.pending.shift();
    else this.pending[0] = { ...f, times: f.times - 1 };
    return f;
  }
}
