import { test } from 'vitest';
import * as mupdf from 'mupdf';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { sloganPoster } from '../../helpers/scene-fixtures.js';
test('pos', () => {
  const s = sloganPoster({ colourMode: 'rgb' });
  const small = s.items[2] as any;
  console.log(small.glyphs.map((g: any) => `${g.text}@${g.x.toFixed(3)}`).join(' '));
  const rd = PdfReader.open('test/.out/pdf/cmp.pdf');
  const page = rd.doc.loadPage(0);
  const out: string[] = [];
  page.toStructuredText('preserve-whitespace').walk({ onChar(c, origin) { out.push(`${c}@${(origin[0] / (72 / 25.4) - 15).toFixed(3)},${(origin[1] / (72 / 25.4) - 15).toFixed(3)}`); } });
  console.log(out.join(' '));
});
