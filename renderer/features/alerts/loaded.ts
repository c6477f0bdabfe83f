/**
 * The queue's loaded rows, kept so that every operation costs what it touches and never what has
 * been loaded: scrolling deep into 10^6 alerts appends 100-row pages thousands of times, and an
 * append that rebuilt an id set or copied the array would make each page slower than the last.
 *
 * Each value is a view (a length) over one append-only array shared with the values before it,
 * plus an id → position index; appending to the newest value pushes onto that array (O(page)), so
 * a new value is made without copying. Updates of rows already loaded (a status change, a refresh
 * of the rows on screen) are written in place by position: every value then shows the current
 * row, which is what the screen wants, and a new value is returned so React renders again.
 */
import type { AlertRow } from '../../../shared/ops/alerts';

interface Shared {
  items: AlertRow[];
  index: Map<number, number>;
}

export class LoadedRows {
  private constructor(
    private readonly shared: Shared,
    readonly length: number,
  ) {}

  static of(rows: readonly AlertRow[] = []): LoadedRows {
    return new LoadedRows({ items: [], index: new Map() }, 0).append(rows);
  }

  at(i: number): AlertRow | undefined {
    return i >= 0 && i < this.length ? this.shared.items[i] : undefined;
  }

  /** Rows `from` to `to` (exclusive), as Array.prototype.slice. */
  slice(from: number, to: number = this.length): AlertRow[] {
    return this.shared.items.slice(from, Math.min(to, this.length));
  }

  byId(id: number): AlertRow | undefined {
    const i = this.shared.index.get(id);
    return i === undefined || i >= this.length ? undefined : this.shared.items[i];
  }

  /**
   * This list followed by the rows of `page` not in it yet, in their order. Keyset pages do not
   * overlap unless a row moved between two requests (its status changed under a status sort):
   * it then stays where it was first seen.
   */
  append(page: readonly AlertRow[]): LoadedRows {
    // Only the newest value may grow the shared array; an older one (never appended to by the
    // store, which always appends to its current list) starts a copy of its own.
    const shared = this.length === this.shared.items.length ? this.shared : this.copy(this.length);
    for (const row of page) {
      if (shared.index.has(row.id)) continue;
      shared.index.set(row.id, shared.items.length);
      shared.items.push(row);
    }
    return new LoadedRows(shared, shared.items.length);
  }

  /** The same list with these rows replaced where loaded (by id); others are ignored. */
  update(rows: Iterable<AlertRow>): LoadedRows {
    let changed = false;
    for (const row of rows) {
      const i = this.shared.index.get(row.id);
      if (i === undefined || i >= this.length) continue;
      this.shared.items[i] = row;
      changed = true;
    }
    return changed ? new LoadedRows(this.shared, this.length) : this;
  }

  private copy(length: number): Shared {
    const items = this.shared.items.slice(0, length);
    return { items, index: new Map(items.map((r, i) => [r.id, i])) };
  }
}
