import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL path onto a file inside `root`, or null when it would leave `root` (path traversal:
 * `..`, encoded `%2e%2e`, backslashes, absolute paths, NUL bytes). Used by the app:// protocol and
 * the browser host alike.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const base = resolve(root);
  const target = resolve(base, rel);
  const fromBase = relative(base, target);
  if (
    fromBase === '' ||
    fromBase.startsWith('..') ||
    isAbsolute(fromBase) ||
    fromBase.split(sep).includes('..')
  ) {
    return null;
  }
  return target;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  const dot = file.lastIndexOf('.');
  return TYPES[dot >= 0 ? file.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}
