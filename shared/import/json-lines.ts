/**
 * Line numbers for JSON import errors. `JSON.parse` gives values, not where they were, so when a
 * record of a JSON document is wrong this scans the text once to find the line each element of the
 * top-level `alerts` array starts on; a syntax error's position becomes a line too.
 */

/** 1-based line of each element of the root object's `alerts` array, in order. */
export function alertElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastKey: string | null = null;
  let alertsDepth = -1;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 58) continue;
    if (c === 44) {
      if (depth === alertsDepth) expectValue = true;
      continue;
    }
    if (depth === alertsDepth && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 123 || c === 91) {
      depth++;
      if (c === 91 && depth === 2 && lastKey === 'alerts') {
        alertsDepth = 2;
        expectValue = true;
      }
    } else if (c === 125 || c === 93) {
      if (depth === alertsDepth) alertsDepth = -1;
      depth--;
    }
  }
  return lines;
}

/**
 * Where a text stops being JSON: the offset of the first character that cannot continue it.
 * `JSON.parse` often names no position ("Unexpected token ','"), so the import finds it here — on
 * the error path only. Nesting deeper than 512 counts as an error too.
 */
export function jsonErrorOffset(text: string): number {
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      i++;
    }
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) return void i++;
      if (c < 32) fail();
      if (c === 92) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail();
    i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) return void i++;
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  try {
    value(0);
    ws();
    return i < n ? i : -1;
  } catch (e) {
    if (e instanceof Stop) return i;
    throw e;
  }
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The line of a JSON text's first syntax error. */
export function syntaxErrorLine(text: string): number {
  return lineAt(text, Math.max(0, jsonErrorOffset(text)));
}
