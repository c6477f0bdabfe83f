/**
 * Search words and the FTS5 query for the alerts' trigram index (migration 003). The index itself
 * is kept by catchUp() in derived.ts.
 */

/** Characters, not UTF-16 units: a trigram is three code points. */
const chars = (s: string) => [...s];

/**
 * The words of a search box: split on spaces (ASCII and ideographic), at most 8, each at most 64
 * characters. Words of 3+ characters use the index; shorter ones (通信, 感染) only filter.
 */
export function searchWords(q: string): { long: string[]; short: string[] } {
  const words = q
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .filter((w) => w !== '')
    .slice(0, 8)
    .map((w) => chars(w).slice(0, 64).join(''));
  return {
    long: words.filter((w) => chars(w).length >= 3),
    short: words.filter((w) => chars(w).length < 3),
  };
}

/**
 * The FTS5 query for words of 3+ characters: every word as trigrams that cover it without overlap
 * (plus the last one), all AND-ed. With detail=none FTS5 cannot match phrases, so this finds rows
 * holding all the trigrams and `likePatterns` re-checks the real substring.
 */
export function ftsQuery(long: readonly string[]): string {
  const terms = new Set<string>();
  for (const word of long) {
    const c = chars(word.toLowerCase());
    for (let i = 0; i + 3 <= c.length; i += 3) terms.add(c.slice(i, i + 3).join(''));
    if (c.length % 3 !== 0) terms.add(c.slice(-3).join(''));
  }
  return [...terms].map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

/** `%word%` for LIKE with `\` as the escape character. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const TEXT_COLUMNS = [
  'title_ja',
  'title_en',
  'description_ja',
  'description_en',
  'hosts',
  'indicators',
] as const;

/**
 * SQL that is true when a row of `alerts` (alias `a`) contains the word, and its parameters.
 * LIKE folds ASCII case (the index does too); a word without ASCII letters uses instr(), which
 * is several times faster on Japanese text.
 */
export function containsSql(word: string): { sql: string; params: string[] } {
  if (!/[A-Za-z]/.test(word)) {
    return {
      sql: `(${TEXT_COLUMNS.map((c) => `instr(a.${c}, ?) > 0`).join(' OR ')})`,
      params: TEXT_COLUMNS.map(() => word),
    };
  }
  const pattern = likePattern(word);
  return {
    sql: `(${TEXT_COLUMNS.map((c) => `a.${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    params: TEXT_COLUMNS.map(() => pattern),
  };
}
