/**
 * CSV as Excel in Japan opens it: RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
 * quote, CR or LF, quotes doubled), UTF-8 with a byte-order mark at the start of the file.
 */

export const CSV_BOM = '\uFEFF';
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (= + - @, or a leading tab or CR) is prefixed with
 * an apostrophe: alert data comes from outside and must not execute (OWASP "CSV injection").
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole small file: BOM, header, rows. (Large exports write `csvRow`s to a stream instead.) */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): string {
  let out = CSV_BOM + csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}
