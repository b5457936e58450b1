import { MAX_BATCH_COLUMNS, MAX_BATCH_ROWS, tooManyRows, type BatchTable } from '../../core/batch.js';
import { StudioError } from '../../core/index.js';
import { columnLetters } from './xlsx.js';

/** Leading and trailing white space, the ideographic space (U+3000) included. */
const trim = (s: string): string => s.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');

/**
 * Raw records (first one the header) → a table: headers trimmed, unique and non-empty; every row
 * exactly as wide as the header; cells trimmed (line breaks inside a cell are kept); columns
 * with neither header nor content and empty rows at the end dropped (spreadsheets leave both).
 * Empty rows in the middle stay, so row n is still line n + 1 of the sheet.
 */
export function tableFromRecords(records: string[][], what: string): BatchTable {
  const cells = records.map((r) => r.map(trim));
  while (cells.length && cells.at(-1)!.every((c) => c === '')) cells.pop();
  const header = cells[0];
  if (!header || header.every((c) => c === ''))
    throw new StudioError('invalid-input', `${what} 是空的：第 1 行应为表头（列名），如「标语」「单位」`);
  const rows = cells.slice(1);
  if (rows.length === 0) throw new StudioError('invalid-input', `${what} 只有表头，没有数据行`);
  if (rows.length > MAX_BATCH_ROWS) throw tooManyRows(what, rows.length);
  // Columns without a header or any content are left out wherever they are (a spacer column,
  // formatting at the right); a column with content but no header is an error.
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    const name = header[c] ?? '';
    const used = rows.findIndex((r) => (r[c] ?? '') !== '');
    if (name === '' && used >= 0) {
      throw new StudioError(
        'invalid-input',
        `${what} 的 ${columnLetters(c + 1)} 列有内容（第 ${used + 1} 行数据，表格第 ${used + 2} 行），但没有表头`,
        ['请在第 1 行给每一列写上列名'],
      );
    }
    if (name !== '') keep.push(c);
  }
  if (keep.length > MAX_BATCH_COLUMNS)
    throw new StudioError('too-large', `${what} 列数过多（${keep.length} 列，至多 ${MAX_BATCH_COLUMNS} 列）`);
  const columns = keep.map((c) => header[c]!);
  const seen = new Map<string, number>();
  for (const [k, name] of columns.entries()) {
    const prev = seen.get(name);
    if (prev !== undefined)
      throw new StudioError(
        'invalid-input',
        `${what} 的表头「${name}」重复（${columnLetters(keep[prev]! + 1)} 列和 ${columnLetters(keep[k]! + 1)} 列）`,
        ['每一列的列名应各不相同'],
      );
    seen.set(name, k);
  }
  return { columns, rows: rows.map((r) => keep.map((c) => r[c] ?? '')) };
}
