import { MAX_BATCH_COLUMNS, MAX_BATCH_ROWS, tooManyRows } from '../../core/batch.js';
import { StudioError } from '../../core/index.js';
import { dateStyles, formatSerial, type DateKind } from './xlsx-dates.js';
import { readZipParts } from './xlsx-zip.js';
import { xmlEvents, type XmlEvent } from './xml.js';

/**
 * The first worksheet of an XLSX workbook as rows of text, by a small reader of our own (no
 * spreadsheet dependency): workbook.xml names the sheets in tab order, its relationships give the
 * first sheet's part, shared strings hold most text. Cells are text as a user sees them for the
 * types that matter here: shared and inline strings (rich text runs joined, phonetic runs left
 * out), numbers (dates as 2025年3月15日), booleans, formula results; styles are otherwise ignored.
 */

/** "AB" → 27 (1-based); NaN when not letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) return NaN;
    n = n * 26 + c;
  }
  return n || NaN;
}

/** 27 → "AB" (for messages: a user finds columns by letter). */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The text of every <si> (shared strings) or of one <is> (inline): <t> runs, minus <rPh>. */
function collectStrings(events: Iterable<XmlEvent>, item: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let inPhonetic = false;
  for (const ev of events) {
    if (ev.type === 'open') {
      if (ev.name === item) cur = ev.selfClosing ? (out.push(''), null) : '';
      else if (ev.name === 'rPh') inPhonetic = !ev.selfClosing;
      else if (ev.name === 't') inT = !ev.selfClosing;
    } else if (ev.type === 'close') {
      if (ev.name === item && cur !== null) {
        out.push(cur);
        cur = null;
      } else if (ev.name === 'rPh') inPhonetic = false;
      else if (ev.name === 't') inT = false;
    } else if (inT && !inPhonetic && cur !== null) cur += ev.text;
  }
  return out;
}

/** The path of the first sheet (in tab order) inside the package. */
function firstSheetPath(workbook: string | undefined, rels: string | undefined): { path: string; date1904: boolean } {
  let rid: string | undefined;
  let date1904 = false;
  for (const ev of xmlEvents(workbook ?? '')) {
    if (ev.type !== 'open') continue;
    if (ev.name === 'workbookPr') date1904 = ev.attrs.date1904 === '1' || ev.attrs.date1904 === 'true';
    if (ev.name === 'sheet' && rid === undefined) rid = ev.attrs.id;
  }
  for (const ev of xmlEvents(rels ?? '')) {
    if (ev.type === 'open' && ev.name === 'Relationship' && ev.attrs.Id === rid && ev.attrs.Target) {
      const t = ev.attrs.Target;
      return { path: t.startsWith('/') ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`, date1904 };
    }
  }
  return { path: 'xl/worksheets/sheet1.xml', date1904 };
}

/** Excel keeps 15 significant digits: 0.30000000000000004 is shown as 0.3. */
function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

interface CellCtx {
  shared: string[];
  dates: Map<number, DateKind>;
  date1904: boolean;
}

function cellText(type: string, value: string, inline: string, style: number, ctx: CellCtx): string {
  if (value === '' && type !== 'inlineStr') return '';
  switch (type) {
    case 's':
      return ctx.shared[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    case 'str':
    case 'e':
      return value;
    default: {
      const kind = ctx.dates.get(style);
      const n = Number(value);
      return kind && Number.isFinite(n) ? formatSerial(n, kind, ctx.date1904) : numberText(value);
    }
  }
}

/** Rows of the first worksheet, from row 1, as dense arrays of text (gaps are ''). */
export async function readXlsx(data: Buffer, what: string): Promise<string[][]> {
  const sheetCandidates = (n: string) =>
    n.startsWith('xl/worksheets/') ||
    n === 'xl/workbook.xml' ||
    n === 'xl/_rels/workbook.xml.rels' ||
    n === 'xl/sharedStrings.xml' ||
    n === 'xl/styles.xml';
  const parts = await readZipParts(data, sheetCandidates, what);
  // Excel and WPS never write a DTD. One here can only declare entities (&f;) to smuggle text in
  // or blow it up; we honour none, so refuse the file rather than print the references literally.
  for (const [name, xml] of parts)
    if (/<!DOCTYPE/i.test(xml))
      throw new StudioError(
        'invalid-input',
        `${what} 含有文档类型声明（DTD，在 ${name} 中），不是 Excel 或 WPS 保存的表格`,
        ['请在 Excel 或 WPS 中打开它，另存为 .xlsx 或 CSV 后再用'],
      );
  if (!parts.has('xl/workbook.xml'))
    throw new StudioError('invalid-input', `${what} 不是 Excel 工作簿（缺少 xl/workbook.xml）`, [
      '请在 Excel 或 WPS 中另存为 .xlsx，或另存为 CSV',
    ]);
  const { path, date1904 } = firstSheetPath(parts.get('xl/workbook.xml'), parts.get('xl/_rels/workbook.xml.rels'));
  const sheet = parts.get(path);
  if (sheet === undefined) throw new StudioError('invalid-input', `${what} 中找不到第一个工作表（${path}）`);
  const ctx: CellCtx = {
    shared: collectStrings(xmlEvents(parts.get('xl/sharedStrings.xml') ?? ''), 'si'),
    dates: dateStyles(parts.get('xl/styles.xml')),
    date1904,
  };
  return sheetRows(sheet, ctx, what);
}

function sheetRows(sheet: string, ctx: CellCtx, what: string): string[][] {
  const rows = new Map<number, string[]>();
  let rowIdx = -1;
  let colIdx = -1;
  let cell: { type: string; style: number; value: string; inline: string } | null = null;
  let inV = false;
  let inlineEvents: XmlEvent[] = [];
  let inInline = false;
  // Rows past the cap are counted, not kept: the refusal then says how many the sheet has.
  let lastRow = -1;
  const put = (r: number, c: number, text: string) => {
    if (text === '') return; // empty styled cells (whole formatted columns) cost nothing
    // Only content past the caps is refused: Excel writes formatting far beyond the data.
    lastRow = Math.max(lastRow, r);
    if (r > MAX_BATCH_ROWS) return;
    if (c >= MAX_BATCH_COLUMNS)
      throw new StudioError(
        'too-large',
        `${what} 列数过多：${columnLetters(c + 1)} 列仍有内容（至多 ${MAX_BATCH_COLUMNS} 列）`,
      );
    let row = rows.get(r);
    if (!row) rows.set(r, (row = []));
    while (row.length < c) row.push('');
    row[c] = text;
  };
  for (const ev of xmlEvents(sheet)) {
    if (ev.type === 'open') {
      if (ev.name === 'row') {
        const r = Number(ev.attrs.r);
        rowIdx = Number.isInteger(r) && r > 0 ? r - 1 : rowIdx + 1;
        colIdx = -1;
      } else if (ev.name === 'c') {
        const m = /^([A-Za-z]+)(\d*)$/.exec(ev.attrs.r ?? '');
        const c = m ? columnNumber(m[1]!) : NaN;
        colIdx = Number.isFinite(c) ? c - 1 : colIdx + 1;
        cell = ev.selfClosing
          ? null
          : { type: ev.attrs.t ?? 'n', style: Number(ev.attrs.s ?? 0), value: '', inline: '' };
      } else if (ev.name === 'v') inV = !ev.selfClosing;
      else if (ev.name === 'is') {
        inInline = !ev.selfClosing;
        inlineEvents = [];
      }
      if (inInline) inlineEvents.push(ev);
    } else if (ev.type === 'close') {
      if (inInline) inlineEvents.push(ev);
      if (ev.name === 'v') inV = false;
      else if (ev.name === 'is' && cell) {
        inInline = false;
        cell.inline = collectStrings(inlineEvents, 'is')[0] ?? '';
      } else if (ev.name === 'c' && cell) {
        put(rowIdx, colIdx, cellText(cell.type, cell.value, cell.inline, cell.style, ctx));
        cell = null;
      }
    } else if (inInline) inlineEvents.push(ev);
    else if (inV && cell) cell.value += ev.text;
  }
  // Row 1 is the header: the last row with content is the count of data rows.
  if (lastRow > MAX_BATCH_ROWS) throw tooManyRows(what, lastRow);
  return Array.from({ length: lastRow + 1 }, (_, r) => rows.get(r) ?? []);
}
