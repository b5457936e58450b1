import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../../../main/core/index.js';
import { readTable } from '../../../main/engine/batch/read-table.js';
import { columnLetters, columnNumber } from '../../../main/engine/batch/xlsx.js';
import { codeKind } from '../../../main/engine/batch/xlsx-dates.js';
import { makeXlsx, xlsxParts, zipBuffer } from './xlsx-fixture.js';

const read = async (data: Buffer) => readTable({ data, fileName: '派出所名单.xlsx' });

// Styles: xf 0 General, xf 1 built-in date (14), xf 2 custom 年月日 format, xf 3 "0.00".
const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="2"/></cellXfs></styleSheet>`;

describe('readTable: XLSX', () => {
  it('reads shared strings, rich text, inline strings, numbers, booleans, formula strings and gaps', async () => {
    const data = await makeXlsx({
      sheets: [
        {
          name: '名单',
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>热线</t></is></c><c r="D1" t="s"><v>4</v></c></row>' +
            // B2 left out: a gap inside a row.
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2"><v>96110</v></c><c r="D2" t="b"><v>1</v></c></row>' +
            // Row 3 missing: a blank row in the middle. Row 4 has rich text and a formula result.
            '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><r><rPr><b/></rPr><t>乌鸡土鸡</t></r><r><t xml:space="preserve">大公鸡、听说转账就挂机</t></r></is></c><c r="C4" t="str"><f>"961"&amp;"10"</f><v>96110</v></c><c r="D4"><v>0.30000000000000004</v></c></row>' +
            // Formatting far below the data: empty styled cells are not rows.
            '<row r="900"><c r="A900" s="3"/><c r="B900" s="3"></c></row>',
        },
      ],
      sharedStrings: ['单位', '标语', '城关派出所'],
      rawSharedStrings: [
        '<r><t>东关</t></r><r><rPr><sz val="11"/></rPr><t>派出所</t></r><rPh sb="0" eb="2"><t>トウカン</t></rPh>',
        '<t>启用</t>',
      ],
      styles: STYLES,
    });
    expect(await read(data)).toEqual({
      columns: ['单位', '标语', '热线', '启用'],
      rows: [
        ['城关派出所', '', '96110', 'TRUE'],
        ['', '', '', ''],
        ['东关派出所', '乌鸡土鸡大公鸡、听说转账就挂机', '96110', '0.3'],
      ],
    });
  });

  it('reads the first sheet in tab order, whatever its file is called, and entity-escaped text', async () => {
    const data = await makeXlsx({
      reverseFiles: true,
      sheets: [
        {
          name: '第一张',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>标语</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A&amp;B &lt;防骗&gt; &#x4E2D;</t></is></c></row>',
        },
        { name: '第二张', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>不是这张</t></is></c></row>' },
      ],
    });
    expect(await read(data)).toEqual({ columns: ['标语'], rows: [['A&B <防骗> 中']] });
  });

  it('writes dates as Chinese dates, by the cell style (built-in and custom formats)', async () => {
    const data = await makeXlsx({
      sheets: [
        {
          name: 's',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row><row r="2"><c r="A2" s="1"><v>45731</v></c><c r="B2" s="3"><v>12.5</v></c></row><row r="3"><c r="A3" s="2"><v>45732.5</v></c></row>',
        },
      ],
      styles: STYLES,
    });
    expect((await read(data)).rows).toEqual([
      ['2025年3月15日', '12.5'],
      ['2025年3月16日', ''],
    ]);
    expect(codeKind('[$-804]m"月"d"日"')).toBe('month-day');
    expect(codeKind('h:mm')).toBe('time');
    expect(codeKind('#,##0.00"元"')).toBeNull();
  });

  it('reads cells without r attributes and SpreadsheetML with a namespace prefix', async () => {
    const parts = xlsxParts({ sheets: [{ name: 's', rows: '' }] });
    parts['xl/worksheets/sheet1.xml'] =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>单位</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>标语</x:t></x:is></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>城关</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>白菜</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    expect(await read(await zipBuffer(parts))).toEqual({ columns: ['单位', '标语'], rows: [['城关', '白菜']] });
  });

  it('refuses content past the row cap, a zip bomb, a broken zip and a zip that is not a workbook', async () => {
    const far = await makeXlsx({
      sheets: [
        {
          name: 's',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c></row><row r="9000"><c r="A9000"><v>1</v></c></row>',
        },
      ],
    });
    await expect(read(far)).rejects.toThrow(/有 8999 行数据，超过上限 5000 行/);
    const rows = Array.from(
      { length: 6001 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${i ? '城关' : '单位'}</t></is></c></row>`,
    ).join('');
    await expect(read(await makeXlsx({ sheets: [{ name: 's', rows }] }))).rejects.toThrow(
      /派出所名单.xlsx 有 6000 行数据，超过上限 5000 行/,
    );

    const bomb = xlsxParts({ sheets: [{ name: 's', rows: '' }] });
    const zeros = Buffer.alloc(8 * 1024 ** 2, 0x20);
    expect(zeros.length / deflateRawSync(zeros).length).toBeGreaterThan(500);
    await expect(read(await zipBuffer({ ...bomb, 'xl/worksheets/sheet1.xml': zeros }))).rejects.toThrow(/压缩比异常/);

    const err = await read(Buffer.from('PK\u0003\u0004 broken')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).message).toContain('派出所名单.xlsx 不是有效的 XLSX 文件');
    await expect(read(await zipBuffer({ 'a.txt': 'hello' }))).rejects.toThrow(/缺少 xl\/workbook.xml/);
  });

  it('refuses a sheet with a DTD instead of printing its entity references', async () => {
    // Fault injection: &f; was printed literally on the banner and in the file name, exit 0.
    const dtd = xlsxParts({
      sheets: [{ name: 's', rows: '<row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row>' }],
      rawSharedStrings: ['<t>标语</t>', '<t>&f;&f;&f;</t>'],
    });
    dtd['xl/sharedStrings.xml'] = dtd['xl/sharedStrings.xml']!.replace(
      '?>',
      '?><!DOCTYPE sst [<!ENTITY f "莫给骗子当韭菜"><!ENTITY g "&f;&f;&f;&f;">]>',
    );
    const err = (await read(await zipBuffer(dtd)).catch((e: unknown) => e)) as StudioError;
    expect(err).toBeInstanceOf(StudioError);
    expect(err.full).toContain('派出所名单.xlsx 含有文档类型声明（DTD，在 xl/sharedStrings.xml 中）');
    expect(err.full).toContain('另存为 .xlsx 或 CSV');
  });

  it('converts column letters both ways', () => {
    expect([columnNumber('A'), columnNumber('Z'), columnNumber('AA'), columnNumber('XFD')]).toEqual([1, 26, 27, 16384]);
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(16384)]).toEqual([
      'A',
      'Z',
      'AA',
      'XFD',
    ]);
  });
});
