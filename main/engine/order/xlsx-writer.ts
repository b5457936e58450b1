import { writeZip } from '../batch/write-zip.js';
import { columnLetters } from '../batch/xlsx.js';

/*
 * A minimal SpreadsheetML package (.xlsx) of one worksheet, written with yazl (no spreadsheet
 * dependency): a title row and a subtitle row across the table, a bold header row with a frozen
 * pane, bordered cells that wrap, numbers as numbers, and optionally a picture in one column of
 * each row (a DrawingML one-cell anchor). Strings are inline (no shared-string table); page set-up
 * is A4 landscape. Excel, WPS and LibreOffice open it; the project's own reader (batch/xlsx.ts)
 * reads it back.
 */

export interface XlsxSheet {
  /** The worksheet's tab name (≤ 31 characters, none of []:*?/\). */
  name: string;
  title: string;
  subtitle: string;
  columns: { header: string; width: number }[];
  rows: (string | number)[][];
  /** Per row, a PNG shown in column `imageColumn` (0-based), scaled to fit its cell. */
  images?: { column: number; png: (Buffer | undefined)[]; sizes: ({ width: number; height: number } | undefined)[] };
  /** Height of data rows, points (room for the pictures). */
  rowHeightPt?: number;
  creator: string;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** EMU (DrawingML units) per pixel at 96 dpi. */
const EMU_PX = 9525;

/** Text safe inside XML: the five entities, and no characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Style indices of styles.xml's cellXfs.
const S = { title: 1, subtitle: 2, header: 3, text: 4, number: 5 };

const STYLES =
  DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="4">' +
  '<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="16"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><sz val="10"/><color rgb="FF555555"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FF999999"/></left><right style="thin"><color rgb="FF999999"/></right>' +
  '<top style="thin"><color rgb="FF999999"/></top><bottom style="thin"><color rgb="FF999999"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const ref = (col: number, row: number) => `${columnLetters(col + 1)}${row}`;

function cell(col: number, row: number, v: string | number, style: number): string {
  if (typeof v === 'number') return `<c r="${ref(col, row)}" s="${style}"><v>${v}</v></c>`;
  return `<c r="${ref(col, row)}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function worksheet(s: XlsxSheet, hasDrawing: boolean): string {
  const n = s.columns.length;
  const last = columnLetters(n);
  const rowHt = s.rowHeightPt ?? 20;
  const rows: string[] = [
    `<row r="1" ht="26" customHeight="1">${cell(0, 1, s.title, S.title)}</row>`,
    `<row r="2" ht="18" customHeight="1">${cell(0, 2, s.subtitle, S.subtitle)}</row>`,
    `<row r="3" ht="22" customHeight="1">${s.columns.map((c, i) => cell(i, 3, c.header, S.header)).join('')}</row>`,
    ...s.rows.map(
      (r, k) =>
        `<row r="${k + 4}" ht="${rowHt}" customHeight="1">${r
          .map((v, i) => cell(i, k + 4, v, typeof v === 'number' ? S.number : S.text))
          .join('')}</row>`,
    ),
  ];
  return (
    DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}${s.rows.length + 3}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${s.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="2"><mergeCell ref="A1:${last}1"/><mergeCell ref="A2:${last}2"/></mergeCells>` +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>' +
    (hasDrawing ? '<drawing r:id="rId1"/>' : '') +
    '</worksheet>'
  );
}

/** Column width in Excel's units → pixels (Calibri-like default font: 7 px a character + 5). */
const colPx = (width: number) => Math.floor(width * 7 + 5);

function drawing(s: XlsxSheet, pics: { row: number; rid: string; w: number; h: number }[]): string {
  const col = s.images!.column;
  const cellW = colPx(s.columns[col]!.width);
  const cellH = ((s.rowHeightPt ?? 20) * 96) / 72;
  const anchors = pics.map((p, i) => {
    const k = Math.min((cellW - 8) / p.w, (cellH - 8) / p.h);
    const w = Math.max(1, Math.round(p.w * k));
    const h = Math.max(1, Math.round(p.h * k));
    const dx = Math.round((cellW - w) / 2) * EMU_PX;
    const dy = Math.round((cellH - h) / 2) * EMU_PX;
    return (
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>${dx}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${dy}</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${w * EMU_PX}" cy="${h * EMU_PX}"/>` +
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="缩略图 ${i + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="${p.rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${w * EMU_PX}" cy="${h * EMU_PX}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
      '<xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return (
    DECL +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">${anchors.join('')}</xdr:wsDr>`
  );
}

const rels = (entries: { id: string; type: string; target: string }[]) =>
  DECL +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  entries.map((e) => `<Relationship Id="${e.id}" Type="${e.type}" Target="${xmlText(e.target)}"/>`).join('') +
  '</Relationships>';

/** Every part of the package, by its name in the zip. */
export function xlsxParts(s: XlsxSheet, created = new Date()): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  const put = (name: string, text: string) => parts.set(name, Buffer.from(text, 'utf8'));
  const pics = (s.images?.png ?? []).flatMap((png, row) => {
    const size = s.images?.sizes[row];
    return png && size ? [{ row: row + 3, png, rid: `rId${row + 1}`, w: size.width, h: size.height }] : [];
  });
  const hasDrawing = pics.length > 0;
  put(
    '[Content_Types].xml',
    DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      (hasDrawing ? '<Default Extension="png" ContentType="image/png"/>' : '') +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (hasDrawing
        ? '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
        : '') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
  );
  put(
    '_rels/.rels',
    rels([
      { id: 'rId1', type: `${REL_TYPE}/officeDocument`, target: 'xl/workbook.xml' },
      {
        id: 'rId2',
        type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
        target: 'docProps/core.xml',
      },
      { id: 'rId3', type: `${REL_TYPE}/extended-properties`, target: 'docProps/app.xml' },
    ]),
  );
  const when = created.toISOString().replace(/\.\d+Z$/, 'Z');
  put(
    'docProps/core.xml',
    DECL +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlText(s.title)}</dc:title><dc:creator>${xmlText(s.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
      '</cp:coreProperties>',
  );
  put(
    'docProps/app.xml',
    DECL +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      `<Application>${xmlText(s.creator)}</Application></Properties>`,
  );
  put(
    'xl/workbook.xml',
    DECL +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<sheets><sheet name="${xmlText(s.name)}" sheetId="1" r:id="rId1"/></sheets>` +
      '<definedNames>' +
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${xmlText(s.name)}'!$3:$3</definedName>` +
      '</definedNames></workbook>',
  );
  put(
    'xl/_rels/workbook.xml.rels',
    rels([
      { id: 'rId1', type: `${REL_TYPE}/worksheet`, target: 'worksheets/sheet1.xml' },
      { id: 'rId2', type: `${REL_TYPE}/styles`, target: 'styles.xml' },
    ]),
  );
  put('xl/styles.xml', STYLES);
  put('xl/worksheets/sheet1.xml', worksheet(s, hasDrawing));
  if (hasDrawing) {
    put(
      'xl/worksheets/_rels/sheet1.xml.rels',
      rels([{ id: 'rId1', type: `${REL_TYPE}/drawing`, target: '../drawings/drawing1.xml' }]),
    );
    put('xl/drawings/drawing1.xml', drawing(s, pics));
    put(
      'xl/drawings/_rels/drawing1.xml.rels',
      rels(pics.map((p, i) => ({ id: p.rid, type: `${REL_TYPE}/image`, target: `../media/image${i + 1}.png` }))),
    );
    pics.forEach((p, i) => parts.set(`xl/media/image${i + 1}.png`, p.png));
  }
  return parts;
}

/** Writes the package atomically (temp file, fsync, rename); [Content_Types].xml first, as Office does. */
export async function writeXlsx(out: string, sheet: XlsxSheet): Promise<void> {
  await writeZip(out, [], [], xlsxParts(sheet));
}
