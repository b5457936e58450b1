import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { alignmentPoints, planTiles } from '../../../main/engine/output/pdf/tiling.js';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { StudioError } from '../../../main/core/index.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { near, PdfReader } from '../../helpers/pdf-reader.js';
import { BLUE, sloganPoster } from '../../helpers/scene-fixtures.js';

const DIR = `${OUT_DIR}pdf-tiles/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

describe('planTiles', () => {
  test('A2 over A4 picks landscape: 2 columns × 4 rows beat 3 × 3', () => {
    const p = planTiles(420, 594, 'a4');
    expect(p).toMatchObject({
      landscape: true,
      sheetWidthMm: 297,
      sheetHeightMm: 210,
      cols: 2,
      rows: 4,
      overlapMm: 10,
    });
    expect(p.tiles).toHaveLength(8);
  });

  test('tiles cover the poster exactly, overlap by the overlap, fit the printable area', () => {
    for (const [w, h, sheet, o] of [
      [420, 594, 'a4', 10],
      [500, 700, 'a3', 15],
      [6000, 700, 'a4', 10],
      [100, 100, 'a4', 0],
    ] as const) {
      const p = planTiles(w, h, sheet, o);
      const pw = p.sheetWidthMm - 20;
      const ph = p.sheetHeightMm - 20;
      for (const t of p.tiles) {
        expect(t.w).toBeLessThanOrEqual(pw + 1e-9);
        expect(t.h).toBeLessThanOrEqual(ph + 1e-9);
        expect(t.w).toBeGreaterThan(o);
        const right = p.tiles.find((u) => u.row === t.row && u.col === t.col + 1);
        if (right) expect(t.x + t.w - right.x).toBeCloseTo(o, 9);
        const below = p.tiles.find((u) => u.col === t.col && u.row === t.row + 1);
        if (below) expect(t.y + t.h - below.y).toBeCloseTo(o, 9);
      }
      const last = p.tiles[p.tiles.length - 1];
      expect((last?.x ?? 0) + (last?.w ?? 0)).toBeCloseTo(w, 9);
      expect((last?.y ?? 0) + (last?.h ?? 0)).toBeCloseTo(h, 9);
      expect(p.tiles).toHaveLength(p.rows * p.cols);
    }
  });

  test('a poster smaller than the printable area takes one sheet', () => {
    expect(planTiles(150, 200, 'a4').tiles).toEqual([{ row: 1, col: 1, x: 0, y: 0, w: 150, h: 200 }]);
  });

  test('neighbours print their alignment crosses at the same poster positions', () => {
    const p = planTiles(420, 594, 'a4');
    const at = (row: number, col: number) =>
      alignmentPoints(
        p,
        p.tiles.find((t) => t.row === row && t.col === col)!,
      );
    const key = (pts: [number, number][]) => new Set(pts.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`));
    const a = key(at(1, 1));
    const right = key(at(1, 2));
    const below = key(at(2, 1));
    expect([...a].filter((k) => right.has(k))).toHaveLength(2);
    expect([...a].filter((k) => below.has(k))).toHaveLength(2);
  });

  test('rejects an overlap larger than half a sheet', () => {
    expect(() => planTiles(420, 594, 'a4', 200)).toThrow(StudioError);
  });
});

describe('tiled PDF', () => {
  test('A2 over A4: 8 landscape sheets, labelled, the poster continuing across the overlap', async () => {
    const poster = sloganPoster({ colourMode: 'rgb' });
    // A blue square in the overlap of columns 1 and 2 (poster x 267–277).
    poster.items.push({ kind: 'rect', elementId: 'mark', x: 268, y: 100, w: 8, h: 8, r: 0, fill: BLUE });
    const progress: number[] = [];
    const r = await writePdf([poster], `${DIR}a2-on-a4.pdf`, {
      tile: { sheet: 'a4' },
      onProgress: (d) => progress.push(d),
    });
    expect(r.pages).toBe(8);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const pdf = PdfReader.open(r.path);
    expect(pdf.pageCount).toBe(8);
    for (let i = 0; i < 8; i++) {
      expect(pdf.sizeMm(i).w).toBeCloseTo(297, 2);
      expect(pdf.sizeMm(i).h).toBeCloseTo(210, 2);
    }
    expect(pdf.text(1)).toContain('第 1 行 第 2 列（共 4×2 张）');
    expect(pdf.fonts().some((f) => f.name.endsWith('+NotoSansSC-Regular'))).toBe(true);

    const first = pdf.rasterise(0, 25.4); // 1 px per mm
    const second = pdf.rasterise(1, 25.4);
    writeFileSync(`${DIR}sheet-1.png`, pdf.png(0, 60));
    writeFileSync(`${DIR}sheet-2.png`, pdf.png(1, 60));
    expect(near(first.pixelAtMm(5, 100), [255, 255, 255])).toBe(true); // margin
    expect(near(first.pixelAtMm(50, 50), [230, 0, 18])).toBe(true); // poster
    // The square: sheet 1 shows poster x at 10 + x; sheet 2 (poster x from 267) at 10 + x − 267.
    expect(near(first.pixelAtMm(10 + 272, 10 + 104), [0, 58, 140])).toBe(true);
    expect(near(second.pixelAtMm(10 + 5, 10 + 104), [0, 58, 140])).toBe(true);
    // Poster content beyond the printable area is clipped.
    expect(near(first.pixelAtMm(292, 100), [255, 255, 255])).toBe(true);
  });

  test('several scenes are tiled in turn; outlined labels embed no fonts', async () => {
    const scenes = [sloganPoster({ name: '一' }), sloganPoster({ name: '二', widthMm: 250, heightMm: 350 })];
    const r = await writePdf(scenes, `${DIR}two.pdf`, { tile: { sheet: 'a3', overlapMm: 15 }, outlineText: true });
    const expected = planTiles(420, 594, 'a3', 15).tiles.length + planTiles(250, 350, 'a3', 15).tiles.length;
    expect(r.pages).toBe(expected);
    const pdf = PdfReader.open(r.path);
    expect(pdf.pageCount).toBe(expected);
    expect(pdf.fonts()).toEqual([]);
    expect(pdf.content(0)).toContain('1 1 1 1 SCN'); // registration marks in CMYK
  });
});
