import { writeFileSync, mkdirSync } from 'node:fs';
import { test } from 'vitest';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { sloganPoster, textRun, face, solidImage } from '../../helpers/scene-fixtures.js';
import { OUT_DIR } from '../../helpers/designs.js';

test('smoke', async () => {
  const dir = OUT_DIR + 'pdf/'; mkdirSync(dir, { recursive: true });
  const img = await solidImage(40, 30, [0, 120, 255]);
  const s = sloganPoster({ items: [
    { kind: 'image', elementId: 'i', image: img, x: 50, y: 350, w: 200, h: 150, clip: { x: 60, y: 360, w: 180, h: 130, r: 20 } },
    { kind: 'gradient', elementId: 'g', x: 250, y: 350, w: 150, h: 150, x1: 250, y1: 350, x2: 400, y2: 500, stops: [{ offset: 0.2, colour: { rgb: '#FFFFFF' } }, { offset: 0.8, colour: { rgb: '#0000FF' } }] },
    { kind: 'ellipse', elementId: 'e', cx: 100, cy: 80, rx: 40, ry: 25, fill: { rgb: '#00FF00' }, stroke: { colour: { rgb: '#000000' }, widthMm: 2 } },
    { kind: 'line', elementId: 'l', x1: 20, y1: 560, x2: 400, y2: 560, stroke: { colour: { rgb: '#000000' }, widthMm: 1 } },
    textRun('竖排文字', { x: 380, y: 60, sizeMm: 20, vertical: true, face: face(700), fill: { rgb: '#FFFFFF' } }),
    textRun('缺字\uE000测试', { x: 200, y: 540, sizeMm: 15, fill: { rgb: '#FFFFFF' } }),
  ] });
  const t0 = performance.now();
  const r = await writePdf([s], dir + 'smoke.pdf');
  console.log(r, performance.now() - t0);
  const rd = PdfReader.open(r.path);
  console.log(rd.boxes(0), rd.fonts(), JSON.stringify(rd.text()), rd.version, rd.info('Title'), rd.info('Creator'));
  console.log(rd.content(0).slice(0, 1500));
  writeFileSync(dir + 'smoke.png', rd.png(0, 40));
});
