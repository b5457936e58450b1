import { describe, expect, it } from 'vitest';
import {
  checkNamePattern,
  expandPattern,
  MAX_NAME_CHARS,
  rowFileName,
  safeFileName,
  UniqueNames,
} from '../../../main/engine/batch/file-names.js';

describe('file names', () => {
  it('expands {列名} and a zero-padded {序号}; a column named 序号 wins', () => {
    const cols = ['单位', '标语'];
    expect(expandPattern('{序号}-{单位}-横幅', cols, ['城关派出所', 'x'], 7, 120)).toBe('007-城关派出所-横幅');
    expect(expandPattern('{序号}', ['序号'], ['A-1'], 7, 120)).toBe('A-1');
  });
  it('refuses a pattern naming a column the table lacks, listing the columns', () => {
    expect(() => checkNamePattern('{序号}-{单位名}', ['单位', '标语'])).toThrow(/\{单位名\} 不是表格的列名/);
    expect(() => checkNamePattern('{序号}-{单位}', ['单位'])).not.toThrow();
  });
  it('makes names Windows accepts: illegal characters replaced, no trailing dots, no device names, Chinese kept', () => {
    expect(safeFileName('城关/东关:派出所*?"<>|')).toBe('城关_东关_派出所_');
    expect(safeFileName('  .隐藏. . ')).toBe('隐藏');
    expect(safeFileName('白菜青菜\n油麦菜')).toBe('白菜青菜 油麦菜');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('\u0000\u0001')).toBe('_');
  });
  it('caps the length in characters and UTF-8 bytes without splitting a character', () => {
    const long = safeFileName('派'.repeat(300));
    expect(long.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    const astral = safeFileName('𠮷'.repeat(100));
    expect(astral).toMatch(/^(𠮷)+$/u);
  });
  it('keeps names unique, case-insensitively: -2, -3, and never collides with a name given as such', () => {
    const u = new UniqueNames();
    expect(['城关', '城关', 'Ab', 'aB', '城关-2', '城关'].map((b) => u.claim(b, '.pdf'))).toEqual([
      '城关.pdf',
      '城关-2.pdf',
      'Ab.pdf',
      'aB-2.pdf',
      '城关-2-2.pdf',
      '城关-3.pdf',
    ]);
  });
  it('names a row whose pattern comes out empty by its number', () => {
    expect(rowFileName(new UniqueNames(), '{单位}', ['单位'], [''], 4, 20, '.png')).toBe('第4行.png');
  });
});
