/**
 * What a log line may say about an error (docs/privacy.md "Logs"). An error's message can quote
 * the data that caused it — V8's JSON.parse quotes the text, a mail server's reply the address, a
 * failed page load the URL with the host's token — so log lines carry the error's kind and the
 * place in SOC Desk's own code (file name and line, no directories: they can hold a user name).
 */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return 'unknown error';
  const name = /^[A-Za-z][\w.]{0,63}$/.test(e.name) ? e.name : 'Error';
  const code = (e as { code?: unknown }).code;
  const safeCode = typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : null;
  const frame = e.stack
    ?.split('\n')
    .slice(1)
    .map((l) => /([\w.-]+\.(?:[cm]?[jt]s)):(\d+)(?::\d+)?\)?\s*$/.exec(l))
    .find((m) => m !== null);
  return [safeCode ? `${name} ${safeCode}` : name, frame ? ` at ${frame[1]}:${frame[2]}` : ''].join(
    '',
  );
}
