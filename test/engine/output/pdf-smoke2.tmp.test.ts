import { writeFileSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { test } from 'vitest';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { sloganPoster, textRun, face, solidImage } from '../../helpers/scene-fixtures.js';
import { OUT_DIR } from '../../helpers/designs.js';

test('svg vs pdf', async () => {
  const dir = OUT_DIR + 'pdf/'; mkdirSync(dir, { recursive: true });
  const img = await solidImage(40, 30, [0, 120, 255]);
  const s = sloganPoster({ colourMode: 'rgb', items: [
    { kind: 'image', elementId: 'i', image: img, x: 50, y: 350, w: 200, h: 150, clip: { x: 60, y: 360, w: 180, h: 130, r: 20 } },
    { kind: 'gradient', elementId: 'g', x: 250, y: 350, w: 150, h: 150, x1: 250, y1: 350, x2: 400, y2: 500, stops: [{ offset: 0.2, colour: { rgb: '#FFFFFF' } }, { offset: 0.8, colour: { rgb: '#0000FF' } }] },
    { kind: 'ellipse', elementId: 'e', cx: 100, cy: 80, rx: 40, ry: 25, fill: { rgb: '#00FF00' }, stroke: { colour: { rgb: '#000000' }, widthMm: 2 } },
    { kind: 'rect', elementId: 'r', x: 200, y: 20, w: 100, h: 40, r: 30, fill: { rgb: '#00FFFF' }, stroke: { colour: { rgb: '#000000' }, widthMm: 2 } },
    textRun('竖排文字', { x: 380, y: 60, sizeMm: 20, vertical: true, face: face(700), fill: { rgb: '#FFFFFF' } }),
    textRun('缺字\uE000测试', { x: 200, y: 540, sizeMm: 15, fill: { rgb: '#FFFFFF' } }),
  ] });
  const r = await writePdf([s], dir + 'cmp.pdf');
  const rd = PdfReader.open(r.path);
  const dpi = 50.8;
  const ras = rd.rasterise(0, dpi, { box: 'TrimBox' });
  const svg = sceneToSvg(s, { widthPx: ras.width, heightPx: ras.height });
  const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0, n = 0; let big = 0;
  for (let i = 0; i < ras.width * ras.height; i++) for (let c = 0; c < 3; c++) { const d = Math.abs((data[i * 3 + c] ?? 0) - (ras.data[i * 4 + c] ?? 0)); sum += d; n++; if (d > 64) big++; }
  console.log(ras.width, ras.height, info.width, info.height, 'mean', sum / n, 'big', big);
  writeFileSync(dir + 'cmp-pdf.png', rd.png(0, dpi, 'TrimBox'));
  await sharp(Buffer.from(svg)).png().toFile(dir + 'cmp-svg.png');
});
