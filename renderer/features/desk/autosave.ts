/**
 * Saving the sheet as it is typed. Every change goes at once into sessionStorage (in memory for
 * the tab, kept across a reload, never written to disk as plain files by SOC Desk) and, after a
 * pause of 400 ms and never later than 1 s after the first unsaved change, to the main process.
 * Blur, leaving the page and hiding the tab flush at once. A reload therefore loses nothing, and a
 * crash of the app at most the last second (issue #6).
 */
import type { AnswerValue } from '../../../shared/hearing-sheet';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';

export const DEBOUNCE_MS = 400;
export const MAX_WAIT_MS = 1000;
const RETRY_MS = 2000;

type Patch = Record<string, AnswerValue | null>;
const storageKey = (inquiryId: string) => `socdesk.desk.pending.${inquiryId}`;

/** Changes typed but not confirmed saved (after a reload, to be sent again). */
export function pendingFromStorage(inquiryId: string): Patch {
  try {
    const raw = sessionStorage.getItem(storageKey(inquiryId));
    return raw ? (JSON.parse(raw) as Patch) : {};
  } catch {
    return {};
  }
}

export interface SaveState {
  status: 'idle' | 'pending' | 'saving' | 'saved' | 'error';
  savedAt: number | null;
  error: ApiError | null;
}

export class Autosaver {
  private pending: Patch = {};
  private firstPendingAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  /** Sent but not yet confirmed: kept in storage too, in case the page goes away meanwhile. */
  private sending: Patch = {};

  constructor(
    readonly inquiryId: string,
    private readonly report: (s: Partial<SaveState>) => void,
  ) {
    this.pending = pendingFromStorage(inquiryId);
  }

  hasPending(): boolean {
    return Object.keys(this.pending).length > 0;
  }

  private persist(): void {
    try {
      const unsaved = { ...this.sending, ...this.pending };
      if (Object.keys(unsaved).length > 0)
        sessionStorage.setItem(storageKey(this.inquiryId), JSON.stringify(unsaved));
      else sessionStorage.removeItem(storageKey(this.inquiryId));
    } catch {
      // Storage full or unavailable: the debounced save still runs.
    }
  }

  change(questionId: string, value: AnswerValue | null): void {
    this.pending[questionId] = value;
    this.persist();
    this.firstPendingAt ??= Date.now();
    this.report({ status: 'pending' });
    this.schedule(DEBOUNCE_MS);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - (this.firstPendingAt ?? Date.now());
    const wait = Math.max(0, Math.min(delay, MAX_WAIT_MS - waited));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Sends what is pending now, after any save already running (saves never overlap). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.chain = this.chain.then(() => this.sendOnce());
    return this.chain;
  }

  private async sendOnce(): Promise<void> {
    if (!this.hasPending()) return;
    const patch = this.pending;
    this.pending = {};
    this.sending = patch;
    this.firstPendingAt = null;
    this.report({ status: 'saving' });
    const r = await call('desk.saveAnswers', { inquiryId: this.inquiryId, patch });
    this.sending = {};
    if (r.ok) {
      this.persist();
      this.report({
        status: this.hasPending() ? 'pending' : 'saved',
        savedAt: r.value.savedAt,
        error: null,
      });
      return;
    }
    // Put it back unless typed over meanwhile, and try again shortly.
    this.pending = { ...patch, ...this.pending };
    this.persist();
    this.firstPendingAt ??= Date.now();
    this.report({ status: 'error', error: r.error });
    if (r.error.code !== 'invalid_input' && r.error.code !== 'conflict')
      this.timer = setTimeout(() => void this.flush(), RETRY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
