/**
 * Line numbers for paths in a JSON text, so an import error can say where in the file the problem
 * is ("sections.2.questions.4.showIf.0.question, line 118"). A small scanner over already-valid
 * JSON (JSON.parse has accepted it); it records where every value starts.
 */
import { jsonErrorOffset, lineAt } from '../import/json-lines';

export type JsonPath = ReadonlyArray<string | number>;

/**
 * No template or sheet nests deeper than this; a deeper value is stepped over without recursing
 * (its line is its start's), so a hostile file nested 10^5 deep cannot overflow the stack.
 */
const MAX_DEPTH = 64;

/** The line (1-based) where the value at each path starts, keyed by `a.0.b`. */
export function jsonValueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') return;
      i++;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  /** Steps over an object or array, iteratively. */
  const skip = () => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (c === '\n') line++;
      i++;
    } while (depth > 0 && i < text.length);
  };
  const value = (path: string, depth: number) => {
    ws();
    lines.set(path, line);
    const c = text[i];
    const join = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) return skip();
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // colon
        value(join(key), depth + 1);
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(join(n), depth + 1);
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') return void str();
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++;
  };
  value('', 0);
  return lines;
}

/** The line of the value at `path`, or of its nearest existing parent (a missing key). */
export function lineOf(lines: Map<string, number>, path: JsonPath): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const hit = lines.get(path.slice(0, n).join('.'));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Line of a JSON.parse syntax error: from the position V8 reports in its message, or, since V8
 * often names none ("Unexpected end of JSON input", "Unexpected token ','"), from a scan for where
 * the text stops being JSON.
 */
export function syntaxErrorLine(text: string, error: unknown): number | undefined {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (m) return text.slice(0, Number(m[1])).split('\n').length;
  return lineAt(text, Math.max(0, jsonErrorOffset(text)));
}
