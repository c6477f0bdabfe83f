/**
 * Where JSON text first breaks the grammar (RFC 8259), as a character offset. JSON.parse says *that*
 * a page is broken but V8 seldom says *where*; a feed operator needs the line and column.
 * Only called after JSON.parse failed, so speed matters little.
 */
class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super('json syntax');
  }
}

export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) return void i++;
      if (c < 32) fail();
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail();
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const key = () => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  };
  const scalar = () => {
    const c = text[i];
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  /**
   * The open objects and arrays, as the closing character each waits for. A stack rather than
   * recursion: a hostile page nested 10^5 deep would overflow the call stack and lose the place.
   */
  const open: string[] = [];
  const value = (): void => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) i++;
        else {
          open.push(close);
          if (c === '{') key();
          continue;
        }
      } else scalar();
      // After a value: close what ends here, or go on after a comma.
      for (;;) {
        const close = open[open.length - 1];
        if (close === undefined) return;
        ws();
        if (text[i] === close) {
          i++;
          open.pop();
        } else if (text[i] === ',') {
          i++;
          if (close === '}') key();
          break;
        } else fail();
      }
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (e) {
    return e instanceof SyntaxAt ? Math.min(e.offset, text.length) : text.length;
  }
}
