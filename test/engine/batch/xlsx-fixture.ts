import yazl from 'yazl';

/**
 * Zip fixtures for the batch tests. A minimal XLSX package built in the test, as Excel lays it out: [Content_Types].xml, the
 * workbook with its relationships, shared strings, styles and worksheets. `sheets` are raw
 * <sheetData> contents, so each test writes exactly the cells it is about.
 */
export interface XlsxParts {
  sheets: { name: string; rows: string }[];
  sharedStrings?: string[];
  /** Raw <si> bodies (rich text, phonetic runs) appended after `sharedStrings`. */
  rawSharedStrings?: string[];
  styles?: string;
  /** Override or add any part by its path. */
  extra?: Record<string, string>;
  /** The first sheet in tab order is not sheet1.xml (Excel keeps file names after reordering). */
  reverseFiles?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function xlsxParts(p: XlsxParts): Record<string, string> {
  const n = p.sheets.length;
  const file = (i: number) => `worksheets/sheet${p.reverseFiles ? n - i : i + 1}.xml`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      p.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      p.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${file(i)}"/>`,
        )
        .join('') +
      '</Relationships>',
  };
  p.sheets.forEach((s, i) => {
    parts[`xl/${file(i)}`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${s.rows}</sheetData></worksheet>`;
  });
  const si = [
    ...(p.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`),
    ...(p.rawSharedStrings ?? []).map((r) => `<si>${r}</si>`),
  ];
  if (si.length)
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${si.length}" uniqueCount="${si.length}">${si.join('')}</sst>`;
  if (p.styles) parts['xl/styles.xml'] = p.styles;
  return { ...parts, ...p.extra };
}

export function zipBuffer(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(files))
    zip.addBuffer(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), name);
  zip.end();
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    zip.outputStream
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => ok(Buffer.concat(chunks)))
      .on('error', fail);
  });
}

export const makeXlsx = (p: XlsxParts): Promise<Buffer> => zipBuffer(xlsxParts(p));
