import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument, csvField, csvRow } from '../../shared/csv';

describe('csv (RFC 4180, UTF-8 with BOM)', () => {
  it.each([
    ['plain', 'plain'],
    ['日本語のホスト名', '日本語のホスト名'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\r', '"cr\r"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+81-3-5550-0141', "'+81-3-5550-0141"],
    ['-sum', "'-sum"],
    ['@cmd', "'@cmd"],
    [-5, '-5'],
    [1234, '1234'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends every record with CRLF and starts the file with the BOM', () => {
    expect(csvRow(['a', 1])).toBe('a,1\r\n');
    const doc = csvDocument(['ホスト', '件数'], [['SKG-PC-010', 24]]);
    expect(doc).toBe(`${CSV_BOM}ホスト,件数\r\nSKG-PC-010,24\r\n`);
    expect(new TextEncoder().encode(doc).subarray(0, 3)).toEqual(
      new Uint8Array([0xef, 0xbb, 0xbf]),
    );
  });
});
