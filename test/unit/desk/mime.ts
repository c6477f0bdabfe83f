/**
 * A small reader for the messages nodemailer writes (multipart/mixed, base64 or quoted-printable
 * parts), so the SMTP tests can check what the server really received without another library.
 */
export interface MimePart {
  headers: Record<string, string>;
  body: Buffer;
  filename: string | null;
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: raw.slice(end + 4) };
}

function decode(body: string, encoding: string | undefined): Buffer {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** RFC 2047 encoded words (=?UTF-8?B?…?=) in a header value. */
export function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decode(text.replace(/_/g, ' '), 'quoted-printable').toString('utf8'),
  );
}

export function parseMessage(raw: Buffer): { headers: Record<string, string>; parts: MimePart[] } {
  const text = raw.toString('latin1');
  const { headers, body } = splitHead(text);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers, parts: [] };
  const parts = body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => {
      const { headers: h, body: b } = splitHead(p.replace(/^\r\n/, ''));
      const disposition = `${h['content-disposition'] ?? ''} ${h['content-type'] ?? ''}`;
      const filename = /(?:file)?name="?([^";\s]+)"?/i.exec(disposition)?.[1] ?? null;
      return {
        headers: h,
        body: decode(b.replace(/\r\n$/, ''), h['content-transfer-encoding']),
        filename,
      };
    });
  return { headers, parts };
}
