import { patternTokens, ROW_NUMBER_TOKEN } from '../../core/batch.js';
import { StudioError } from '../../core/index.js';

/**
 * File names from a pattern such as `{序号}-{单位}-横幅`: valid on Windows (the users' machines)
 * and Linux, Chinese kept, unique in one run even on a case-insensitive file system.
 */

/** Characters Windows refuses in a name, and control characters. */
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
/** Characters a base name keeps (UTF-16 units; Windows allows 255 for the whole name). */
export const MAX_NAME_CHARS = 80;
/** Bytes a base name keeps in UTF-8: Linux allows 255 per name, and a Chinese character is 3. */
const MAX_NAME_BYTES = 200;

/** A string made safe as one path component (no extension added); '' when nothing is left. */
export function safeFileName(raw: string): string {
  let s = raw
    .normalize('NFC')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(ILLEGAL, '_')
    .replace(/\s+/g, ' ');
  // Windows drops trailing dots and spaces; a leading dot hides the file on Linux.
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (out.length + ch.length > MAX_NAME_CHARS || bytes + b > MAX_NAME_BYTES) break;
    out += ch;
    bytes += b;
  }
  out = out.replace(/[.\s]+$/, '');
  return RESERVED.test(out) ? `_${out}` : out;
}

/** Check a pattern against the table's columns before any row is rendered. */
export function checkNamePattern(pattern: string, columns: readonly string[]): void {
  const unknown = patternTokens(pattern).filter((t) => t !== ROW_NUMBER_TOKEN && !columns.includes(t));
  if (unknown.length) {
    throw new StudioError(
      'invalid-input',
      `文件名规则「${pattern}」中的 ${unknown.map((t) => `{${t}}`).join('、')} 不是表格的列名`,
      [`可用：{${ROW_NUMBER_TOKEN}}（行号）${columns.map((c) => `、{${c}}`).join('')}`],
    );
  }
}

/** Expand a pattern for one data row (row is 1-based; {序号} is zero-padded to the table's size). */
export function expandPattern(
  pattern: string,
  columns: readonly string[],
  row: readonly string[],
  rowNumber: number,
  totalRows: number,
): string {
  return pattern.replace(/\{([^{}]+)\}/g, (_, t: string) => {
    const name = t.trim();
    const col = columns.indexOf(name);
    if (col >= 0) return row[col] ?? '';
    if (name === ROW_NUMBER_TOKEN) return String(rowNumber).padStart(String(totalRows).length, '0');
    return '';
  });
}

/** Hands out names unique within a folder: a second 城关派出所 becomes 城关派出所-2, then -3. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** `base` already safe (safeFileName); `ext` with its dot. */
  claim(base: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? base : `${base}-${n}`}${ext}`;
      const key = name.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
  }
}

/** A row's file name: the pattern expanded and made safe, or 第N行 when that leaves nothing. */
export function rowFileName(
  names: UniqueNames,
  pattern: string,
  columns: readonly string[],
  row: readonly string[],
  rowNumber: number,
  totalRows: number,
  ext: string,
): string {
  const base = safeFileName(expandPattern(pattern, columns, row, rowNumber, totalRows)) || `第${rowNumber}行`;
  return names.claim(base, ext);
}
