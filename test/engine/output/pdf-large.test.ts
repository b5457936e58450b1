import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { documentScale, scaledPath } from '../../../main/engine/output/pdf/page-plan.js';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import type { Scene } from '../../../main/engine/scene/types.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { near, PdfReader } from '../../helpers/pdf-reader.js';
import { background, face, RED, scene, textRun, YELLOW } from '../../helpers/scene-fixtures.js';

const DIR = `${OUT_DIR}pdf-large/`;
beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});

/** A 6 m × 0.7 m cloth banner: red, yellow slogan, no bleed. */
function banner(): Scene {
  const s = scene({ name: '横幅', widthMm: 6000, heightMm: 700, bleedMm: 0, cropMarks: false, colourMode: 'cmyk' });
  const slogan = textRun('天上不会掉馅饼 转账汇款多核实', {
    x: 400,
    y: 480,
    sizeMm: 350,
    face: face(900),
    fill: YELLOW,
  });
  return { ...s, items: [background(s, RED), slogan] };
}

describe('pages over 5,080 mm', () => {
  test('userunit: a 6000 × 700 mm page keeps its true size with sides ≤ 14,400 units', async () => {
    const r = await writePdf([banner()], `${DIR}banner.pdf`);
    expect(r).toMatchObject({ path: `${DIR}banner.pdf`, scale: 1, userUnit: 10, pages: 1 });
    const pdf = PdfReader.open(r.path);
    const b = pdf.boxes(0);
    expect(b.userUnit).toBe(10);
    const [, , w, h] = b.raw.MediaBox ?? [];
    expect(w).toBeLessThanOrEqual(14_400);
    expect(h).toBeLessThanOrEqual(14_400);
    expect(b.mm.MediaBox?.w).toBeCloseTo(6000, 1);
    expect(b.mm.MediaBox?.h).toBeCloseTo(700, 1);
    expect(b.mm.TrimBox?.w).toBeCloseTo(6000, 1);
    expect(pdf.text(0)).toContain('天上不会掉馅饼');
    // A viewer applying UserUnit draws the true size: 6000 mm at 2.54 dpi = 600 px.
    const ras = pdf.rasterise(0, 2.54);
    expect(ras.width).toBe(600);
    expect(ras.pixelAtMm(100, 100)[0]).toBeGreaterThan(200);
    expect(ras.pixelAtMm(100, 100)[1]).toBeLessThan(80);
  });

  test("scale: drawn at 1:10 into a file named '-1比10'", async () => {
    const r = await writePdf([banner()], `${DIR}banner.pdf`, { largePage: 'scale' });
    expect(r).toMatchObject({ path: `${DIR}banner-1比10.pdf`, scale: 0.1, userUnit: 1 });
    expect(existsSync(r.path)).toBe(true);
    const pdf = PdfReader.open(r.path);
    expect(pdf.boxes(0).userUnit).toBe(1);
    expect(pdf.sizeMm(0).w).toBeCloseTo(600, 2);
    expect(pdf.sizeMm(0).h).toBeCloseTo(70, 2);
    expect(pdf.text(0)).toContain('转账汇款多核实');
    const ras = pdf.rasterise(0, 25.4);
    expect(near(ras.pixelAtMm(5, 5), [230, 0, 18], 60)).toBe(true);
  });

  test('a page under the limit is left alone, whatever largePage says', async () => {
    const s = scene({ widthMm: 1000, heightMm: 2000, bleedMm: 0, cropMarks: false });
    const r = await writePdf([s], `${DIR}rollup.pdf`, { largePage: 'scale' });
    expect(r).toMatchObject({ path: `${DIR}rollup.pdf`, scale: 1, userUnit: 1 });
  });

  test('scale choice and file names', () => {
    expect(documentScale(6000, 'scale')).toBe(0.1);
    expect(documentScale(6000, 'userunit')).toBe(1);
    expect(documentScale(60_000, 'scale')).toBeCloseTo(0.01, 10);
    expect(scaledPath('/a/banner.pdf', 0.1)).toBe('/a/banner-1比10.pdf');
    expect(scaledPath('/a/b.c/banner', 0.1)).toBe('/a/b.c/banner-1比10');
    expect(scaledPath('/a/banner.pdf', 0.01)).toBe('/a/banner-1比100.pdf');
    expect(scaledPath('/a/banner.pdf', 1)).toBe('/a/banner.pdf');
  });
});
