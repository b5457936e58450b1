import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_ROWS } from '../../../main/core/batch.js';
import { StudioError } from '../../../main/core/index.js';
import { readTable } from '../../../main/engine/batch/read-table.js';
import { OUT_DIR } from '../../helpers/designs.js';

const csv = (text: string, fileName = '派出所.csv') => readTable({ data: Buffer.from(text, 'utf8'), fileName });
const message = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StudioError);
    return (e as StudioError).full;
  }
  throw new Error('expected a StudioError');
};

const TEXT = '单位,标语\r\n城关派出所,白菜青菜油麦菜、莫给骗子当韭菜\r\n东关派出所,乌鸡土鸡大公鸡、听说转账就挂机\r\n';
const EXPECTED = {
  columns: ['单位', '标语'],
  rows: [
    ['城关派出所', '白菜青菜油麦菜、莫给骗子当韭菜'],
    ['东关派出所', '乌鸡土鸡大公鸡、听说转账就挂机'],
  ],
};

describe('readTable: CSV encodings', () => {
  it('reads UTF-8 without and with a BOM', async () => {
    expect(await csv(TEXT)).toEqual(EXPECTED);
    expect(await csv('\uFEFF' + TEXT)).toEqual(EXPECTED);
  });
  it('reads GBK (Excel "CSV" on Chinese Windows) and GB18030-only characters', async () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(await readTable({ data: gbk, fileName: 'gbk.csv' })).toEqual(EXPECTED);
    const rare = '单位\n𠮷野家派出所\n';
    expect((await readTable({ data: iconv.encode(rare, 'gb18030'), fileName: 'x.csv' })).rows).toEqual([
      ['𠮷野家派出所'],
    ]);
  });
  it('reads UTF-16LE with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = TEXT.replace(/,/g, '\t');
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await readTable({ data, fileName: 'unicode.txt' })).toEqual(EXPECTED);
  });
  it('reads a file from a path', async () => {
    const dir = join(OUT_DIR, 'batch-read');
    mkdirSync(dir, { recursive: true });
    const f = join(dir, '名单.csv');
    writeFileSync(f, iconv.encode(TEXT, 'gbk'));
    expect(await readTable(f)).toEqual(EXPECTED);
  });
});

describe('readTable: CSV syntax', () => {
  it('sniffs ; and tab as delimiters', async () => {
    expect(await csv(TEXT.replace(/,/g, ';'))).toEqual(EXPECTED);
    expect(await csv(TEXT.replace(/,/g, '\t'))).toEqual(EXPECTED);
  });
  it('keeps delimiters, quotes and line breaks inside quoted cells (RFC 4180)', async () => {
    const t = await csv(
      '单位,标语,备注\n"城关派出所, 东街","白菜青菜油麦菜\n莫给骗子当韭菜","他说""转账""就挂机"\r\n西城,"",末尾\n',
    );
    expect(t.rows).toEqual([
      ['城关派出所, 东街', '白菜青菜油麦菜\n莫给骗子当韭菜', '他说"转账"就挂机'],
      ['西城', '', '末尾'],
    ]);
  });
  it('handles LF, CRLF and lone CR line ends and a missing final newline', async () => {
    expect(
      await csv('单位,标语\n城关派出所,白菜青菜油麦菜、莫给骗子当韭菜\r东关派出所,乌鸡土鸡大公鸡、听说转账就挂机'),
    ).toEqual(EXPECTED);
  });
  it('trims cells and headers, pads short rows, drops empty trailing rows and empty columns, keeps blank rows in the middle', async () => {
    const t = await csv(' 单位 ,,标语,,\n　城关派出所　,,白菜\n\n东关派出所\n,,,\n\n');
    expect(t).toEqual({
      columns: ['单位', '标语'],
      rows: [
        ['城关派出所', '白菜'],
        ['', ''],
        ['东关派出所', ''],
      ],
    });
  });
});

describe('readTable: refusals name the file and the place', () => {
  it('an empty file, a header without data, no header', async () => {
    expect(await message(csv(''))).toContain('派出所.csv 是空文件');
    expect(await message(csv('单位,标语\r\n'))).toContain('只有表头');
    expect(await message(csv('\n\n,,\n'))).toContain('第 1 行应为表头');
  });
  it('duplicate and missing headers, with column letters', async () => {
    expect(await message(csv('单位,标语,单位\na,b,c\n'))).toMatch(/表头「单位」重复（A 列和 C 列）/);
    expect(await message(csv('单位,,标语\na,b,c\n'))).toMatch(/B 列有内容（第 1 行数据，表格第 2 行），但没有表头/);
    expect(await message(csv('单位,标语\na,b,c\n'))).toMatch(/C 列有内容（第 1 行数据，表格第 2 行），但没有表头/);
  });
  it('an unclosed quote, by row', async () => {
    expect(await message(csv('单位,标语\na,b\n"城关,白菜\n'))).toContain('第 3 行的引号没有闭合');
  });
  it('too many rows, with the real count and the limit', async () => {
    const big = '单位\n' + 'x\n'.repeat(MAX_BATCH_ROWS + 1);
    expect(await message(csv(big))).toContain(`有 ${MAX_BATCH_ROWS + 1} 行数据，超过上限 ${MAX_BATCH_ROWS} 行`);
    // A 6,000-row table was reported as "5002 行" (where reading stopped); trailing empty lines do not count.
    const six = '单位,标语\r\n' + '城关派出所,白菜\r\n'.repeat(6000) + ',\r\n\r\n';
    expect(await message(csv(six))).toContain('派出所.csv 有 6000 行数据，超过上限 5000 行');
    expect((await csv('单位\n' + 'x\n'.repeat(MAX_BATCH_ROWS))).rows).toHaveLength(MAX_BATCH_ROWS);
  });
  it('an old .xls file and a fake .xlsx', async () => {
    expect(
      await message(readTable({ data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), fileName: 'a.xls' })),
    ).toContain('另存为 .xlsx 或 CSV');
    expect(await message(readTable({ data: Buffer.from('单位\nx\n'), fileName: 'a.xlsx' }))).toContain(
      '不是有效的 XLSX',
    );
  });
  it('a missing file', async () => {
    expect(await message(readTable('/nonexistent/名单.csv'))).toContain('无法读取表格 名单.csv');
  });
});
