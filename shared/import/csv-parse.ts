/**
 * A streaming RFC 4180 reader that knows the line each record starts on, so import errors can say
 * "line 1,204". Fields may be quoted (quotes doubled inside; commas, CR and LF allowed); CRLF, LF
 * and a UTF-8 byte-order mark at the start are accepted; blank lines are skipped. A stray quote
 * after a closing quote, an unterminated quote or an oversized record is an error, not a guess.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly key: 'quote' | 'unterminated' | 'tooLong',
    readonly line: number,
  ) {
    super(`csv ${key} at line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

const SPECIAL = /[",\r\n]/g;

export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Just closed a quoted field: only a comma or a line end may follow. */
  private afterQuote = false;
  /** A quote inside a quoted field that may be the first of a doubled pair. */
  private quotePending = false;
  private pendingCr = false;
  private line = 1;
  private recordLine = 1;
  private size = 0;
  private first = true;

  constructor(private readonly maxRecordChars = 1024 * 1024) {}

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === '';
    if (!blank) out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = '';
    this.afterQuote = false;
    this.size = 0;
  }

  /** Reads a chunk of text; returns the records completed in it. */
  feed(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    // A chunk that decodes to nothing (the first byte of a multi-byte character) cannot say
    // whether the text starts with a BOM: wait for one that has text.
    if (this.first && text !== '') {
      this.first = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.pendingCr) {
        this.pendingCr = false;
        if (text[i] === '\n') {
          i++;
          continue;
        }
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (text[i] === '"') {
          this.field += '"';
          i++;
          continue;
        }
        this.inQuotes = false;
        this.afterQuote = true;
      }
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const part = q < 0 ? text.slice(i) : text.slice(i, q);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.line++;
        this.field += part;
        this.size += part.length;
        if (this.size > this.maxRecordChars) throw new CsvSyntaxError('tooLong', this.recordLine);
        if (q < 0) return out;
        i = q + 1;
        this.quotePending = true;
        continue;
      }
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(text);
      const at = m ? m.index : n;
      if (at > i) {
        if (this.afterQuote) throw new CsvSyntaxError('quote', this.line);
        this.field += text.slice(i, at);
        this.size += at - i;
        if (this.size > this.maxRecordChars) throw new CsvSyntaxError('tooLong', this.recordLine);
      }
      if (!m) return out;
      const c = text[at];
      i = at + 1;
      if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.afterQuote = false;
      } else if (c === '"') {
        if (this.afterQuote || this.field !== '') throw new CsvSyntaxError('quote', this.line);
        this.inQuotes = true;
      } else {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        if (c === '\r') this.pendingCr = true;
      }
    }
    return out;
  }

  /** Ends the input: the last record (without a final line break), or an error. */
  end(): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
      this.afterQuote = true;
    }
    if (this.inQuotes) throw new CsvSyntaxError('unterminated', this.recordLine);
    const out: CsvRecord[] = [];
    if (this.field !== '' || this.fields.length > 0) this.endRecord(out);
    return out;
  }
}

/** Parses a whole small text (previews, tests). */
export function parseCsv(text: string): CsvRecord[] {
  const p = new CsvParser();
  return [...p.feed(text), ...p.end()];
}
