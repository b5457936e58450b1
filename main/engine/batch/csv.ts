import { StudioError } from '../../core/index.js';

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of a CSV: the one of , ; tab that occurs most (outside quotes) in the header
 * line. Excel writes ; where the decimal mark is a comma, and "Unicode text" is tab-separated.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return best;
}

/**
 * RFC 4180 records: fields in double quotes may hold the delimiter, line breaks and "" for a
 * quote; records end at CRLF, LF or a lone CR. A quote inside an unquoted field is kept as
 * text (what Excel does). Past `maxRecords` records are counted, not kept, so a huge file costs
 * no more memory than the cap and a refusal can still say how many rows it had. `total` counts
 * records up to the last one with any content (spreadsheets leave empty lines at the end).
 */
export function parseCsv(
  text: string,
  delimiter: Delimiter,
  what: string,
  maxRecords: number,
): { records: string[][]; total: number } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let i = 0;
  let seen = 0;
  let total = 0;
  let blank = true;
  const n = text.length;
  const endField = () => {
    if (blank && field.trim() !== '') blank = false;
    if (seen < maxRecords) record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    if (seen++ < maxRecords) records.push(record);
    if (!blank) total = seen;
    record = [];
    blank = true;
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && atFieldStart) {
      // A quoted field: read to the closing quote.
      const line = records.length + 1;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0)
          throw new StudioError('invalid-input', `${what} 第 ${line} 行的引号没有闭合`, [
            '以 " 开头的内容必须以 " 结束；内容中的 " 应写成 ""',
          ]);
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
      atFieldStart = false;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endField();
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Text after a closing quote (`"a"b`) or a quote inside a field is kept, as spreadsheets do.
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || record.length) {
    endField();
    endRecord();
  }
  return { records, total };
}
