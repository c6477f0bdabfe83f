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

/** The line a `JSON.parse` error points at (V8 says "position N" and often "line L"). */
export function syntaxErrorLine(text: string, message: string): number {
  const direct = /\(line (\d+) column \d+\)/.exec(message);
  if (direct) return Number(direct[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return 1;
  let line = 1;
  const end = Math.min(Number(pos[1]), text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
