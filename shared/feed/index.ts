/** The SOC Desk feed format (docs/feed-format.md): versioned schemas and the page parser. */
import { FEED_FORMAT, FEED_VERSION, type FeedChange } from './v1';

export * from './v1';
export {
  parseFeedPage,
  customerOf,
  keyOf,
  formatPath,
  MAX_ISSUES,
  type ParseResult,
} from './parse';

/** A page as a feed server writes it (the simulator and the tests build pages with this). */
export function feedPageJson(page: {
  cursor: string | null;
  nextCursor: string;
  hasMore: boolean;
  items: readonly FeedChange[];
}): string {
  return JSON.stringify({
    format: FEED_FORMAT,
    version: FEED_VERSION,
    cursor: page.cursor,
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
    items: page.items,
  });
}
