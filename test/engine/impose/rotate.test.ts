import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imposeDesigns } from '../../../main/engine/impose/impose.js';
import { planImposition, type ImposeItem, type ImposePlan } from '../../../main/engine/impose/plan.js';
import { parseSheet, SHEETS } from '../../../main/engine/impose/sheets.js';
import { placementMatrix, turnPath } from '../../../main/engine/impose/turn.js';
import type { TrimPath } from '../../../main/engine/scene/trim-shape.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { near, PdfReader } from '../../helpers/pdf-reader.js';
import { filledTemplate } from '../../helpers/profile.js';

const DIR = `${OUT_DIR}impose/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));
const PT = 72 / 25.4;

/** 40 × 100 mm hanging tags with 2 mm bleed: cells 44 × 104, 3 mm apart. */
const TAGS: ImposeItem[] = [{ name: '吊牌', widthMm: 40, heightMm: 100, bleedMm: 2, count: 100 }];

/** Every piece inside the borders, and every two pieces' bleeds at least the gap apart. */
function expectClear(items: readonly ImposeItem[], plan: ImposePlan) {
  for (const sheet of plan.sheets) {
    const cells = sheet.map((p) => {
      const it = items[p.item]!;
      const [w, h] = p.rotated ? [it.heightMm, it.widthMm] : [it.widthMm, it.heightMm];
      const b = it.bleedMm;
      return { x0: p.x - b, y0: p.y - b, x1: p.x + w + b, y1: p.y + h + b };
    });
    for (const c of cells) {
      expect(c.x0).toBeGreaterThanOrEqual(plan.marginMm - 1e-9);
      expect(c.y0).toBeGreaterThanOrEqual(plan.marginMm - 1e-9);
      expect(c.x1).toBeLessThanOrEqual(plan.sheetWidthMm - plan.marginMm + 1e-9);
      expect(c.y1).toBeLessThanOrEqual(plan.sheetHeightMm - plan.labelMarginMm + 1e-9);
    }
    for (const a of cells)
      for (const b of cells) {
        if (a === b) continue;
        const apart = Math.max(b.x0 - a.x1, a.x0 - b.x1, b.y0 - a.y1, a.y0 - b.y1);
        expect(apart).toBeGreaterThanOrEqual(plan.gapMm - 1e-9);
      }
  }
}

describe('turning pieces 90° in the plan', () => {
  it('40 × 100 mm tags on A4: 9 a sheet with a turned band, 12 sheets instead of 13', () => {
    // A4 less its borders (10 mm, 14 at the bottom) leaves 190 × 273 mm; turned, 277 × 186.
    //   upright sheet, tags upright: 4 across (4·44 + 3·3 = 185), 2 down (2·104 + 3 = 211) = 8
    //   turned sheet, tags upright: 5 across (5·44 + 4·3 = 232), 1 down = 5
    //   turned sheet, tags turned (104 × 44): 2 across (211), 4 down (4·44 + 3·3 = 185) = 8
    // so without turning pieces: 8 a sheet, 100 tags = 13 sheets. Turning them: under the 2 rows
    // (211 + 3 = 214 mm used) 59 mm are left, enough for a row of tags lying down (44 tall), 1 of
    // them across (104 mm; two would need 211 > 190): 9 a sheet, 100 tags = 12 sheets.
    const fixed = planImposition(TAGS, { sheet: SHEETS.a4, rotate: false });
    expect(fixed.sheets.map((s) => s.length)).toEqual([...Array(12).fill(8), 4]);
    expect(fixed.sheets.flat().some((p) => p.rotated)).toBe(false);
    const plan = planImposition(TAGS, { sheet: SHEETS.a4 });
    expect(plan.sheets).toHaveLength(12);
    expect(plan.turned).toBe(false);
    expect(plan.sheets.slice(0, 11).map((s) => s.length)).toEqual(Array(11).fill(9));
    // On each full sheet the ninth tag lies turned, below the others.
    for (const s of plan.sheets.slice(0, 11)) {
      expect(s.filter((p) => p.rotated)).toHaveLength(1);
      expect(s[8]!.rotated).toBe(true);
      expect(s[8]!.y).toBeGreaterThan(Math.max(...s.slice(0, 8).map((p) => p.y)) + 100);
    }
    expectClear(TAGS, plan);
    // Same paper used by the same tags: less waste per sheet.
    expect(plan.wastePct).toBeLessThan(fixed.wastePct);
  });

  it('a table card of 210 × 140 mm on SRA3: 3 a sheet turned instead of 2', () => {
    // SRA3 less borders: 300 × 426. Cells 216 × 146. Upright: 1 across, 2 down (2·146 + 3 = 295) = 2,
    // and 128 mm left below — too little for one lying down (216). Turned (146 × 216): 2 across
    // (295), 1 down, and under it (219 used) 207 mm: one upright card (146 tall) = 3.
    const items = [{ name: '台卡', widthMm: 210, heightMm: 140, bleedMm: 3, count: 40 }];
    expect(planImposition(items, { sheet: SHEETS.sra3, rotate: false }).sheets).toHaveLength(20);
    const plan = planImposition(items, { sheet: SHEETS.sra3 });
    expect(plan.sheets).toHaveLength(14);
    expect(plan.sheets[0]!.map((p) => !!p.rotated)).toEqual([true, true, false]);
    expectClear(items, plan);
  });

  it('keeps the plan as it was where turning does not win: squares, circles, and ties', () => {
    const stickers = [{ name: '贴纸', widthMm: 50, heightMm: 50, bleedMm: 2, count: 600, areaMm2: Math.PI * 625 }];
    expect(planImposition(stickers, { sheet: SHEETS.a3 })).toEqual(
      planImposition(stickers, { sheet: SHEETS.a3, rotate: false }),
    );
    // 4 tags fit a sheet either way: one sheet, nothing turned.
    const few = [{ ...TAGS[0]!, count: 4 }];
    expect(planImposition(few, { sheet: SHEETS.a4 })).toEqual(planImposition(few, { sheet: SHEETS.a4, rotate: false }));
    // The existing tie of the 120 × 60 table card: 4 a sheet, upright sheet.
    const cards = [{ name: '台卡', widthMm: 120, heightMm: 60, bleedMm: 3, count: 6 }];
    const plan = planImposition(cards, { sheet: SHEETS.a4 });
    expect(plan).toEqual(planImposition(cards, { sheet: SHEETS.a4, rotate: false }));
    expect(plan.turned).toBe(false);
  });

  it('mixed jobs keep their order and stay clear of each other', () => {
    const items: ImposeItem[] = [
      { name: '吊牌', widthMm: 70, heightMm: 100, bleedMm: 2, count: 37, areaMm2: 6986 },
      { name: '贴纸', widthMm: 40, heightMm: 40, bleedMm: 2, count: 25 },
      { name: '台卡', widthMm: 210, heightMm: 140, bleedMm: 3, count: 5 },
    ];
    for (const sheet of [SHEETS.a3, SHEETS.sra3, parseSheet('330x480')]) {
      const plan = planImposition(items, { sheet });
      const fixed = planImposition(items, { sheet, rotate: false });
      expect(plan.sheets.length).toBeLessThanOrEqual(fixed.sheets.length);
      const order = plan.sheets.flat().map((p) => p.item);
      expect(order).toEqual(order.slice().sort((a, b) => a - b));
      expect(order).toHaveLength(67);
      expect(plan.sheets.flat().some((p) => p.item === 1 && p.rotated)).toBe(false);
      expectClear(items, plan);
    }
  });

  it('a turned outline is the quarter turn of every point', () => {
    const h = 60;
    const m = placementMatrix({ item: 0, x: 0, y: 0, rotated: true }, h);
    const turn = ([u, v]: [number, number]): [number, number] => [
      m[0] * u + m[2] * v + m[4],
      m[1] * u + m[3] * v + m[5],
    ];
    const poly: [number, number][] = [
      [5, 3],
      [60, 10],
      [30, 55],
    ];
    const p = turnPath({ kind: 'polygon', points: poly }, h) as Extract<TrimPath, { kind: 'polygon' }>;
    expect(p.points).toEqual(poly.map(turn));
    const [c0, c1] = [turn([30, 20]), turn([0, 0])];
    expect(turnPath({ kind: 'ellipse', cx: 30, cy: 20, rx: 30, ry: 20 }, h)).toEqual({
      kind: 'ellipse',
      cx: c0[0],
      cy: c0[1],
      rx: 20,
      ry: 30,
    });
    // A 70 × 60 rounded rectangle grown by 2 turns into 64 wide and 74 tall, from (60 + 2 − 64) …
    expect(turnPath({ kind: 'rect', x: -2, y: -2, w: 74, h: 64, r: 6 }, h)).toEqual({
      kind: 'rect',
      x: c1[0] - 62,
      y: -2,
      w: 64,
      h: 74,
      r: 6,
    });
  });
});

/** The cut line's subpaths on a page: each one's bounding box (mm, sheet top-left, y down). */
function cutBoxes(content: string) {
  const start = content.indexOf('/OC /OcCut BDC');
  const block = content.slice(start, content.indexOf('EMC', start));
  return block
    .split(/\n(?=[-\d.]+ [-\d.]+ m\n)/)
    .slice(1)
    .map((sub) => {
      const nums = [...sub.matchAll(/^([-\d. ]+) [mlc]$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).map(Number));
      const xs = nums.filter((_, i) => i % 2 === 0);
      const ys = nums.filter((_, i) => i % 2 === 1);
      return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    });
}

/** Each piece's trim on the page from its `cm … Do` (mm, sheet top-left, y down), and whether it is turned. */
function placedTrims(content: string, w: number, h: number) {
  return [...content.matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\n\/Fm\d+ Do/g)].map(
    (m) => {
      const [a, b, c, d, e, f] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
      const rotated = Math.abs(a) < 1e-6;
      if (rotated) {
        // The form's mm go through a quarter turn at 1:1 (pt → mm undone in the same matrix).
        expect(b * PT).toBeCloseTo(1, 5);
        expect(c * PT).toBeCloseTo(1, 5);
        expect(d).toBeCloseTo(0, 6);
        return { rotated, e, f, x0: e - h, y0: f, x1: e, y1: f + w };
      }
      expect(a * PT).toBeCloseTo(1, 5);
      expect(d * PT).toBeCloseTo(-1, 5);
      expect(b).toBeCloseTo(0, 6);
      expect(c).toBeCloseTo(0, 6);
      return { rotated, e, f, x0: e, y0: f, x1: e + w, y1: f + h };
    },
  );
}

describe('turned pieces in the imposed PDF', () => {
  it('70 × 100 mm tags on SRA3: 14 a sheet, the turned ones with their art, cut line and marks turned', async () => {
    // Sheet turned (450 × 320, 430 × 296 inside the borders), cells 74 × 104: 5 upright across
    // (5·74 + 4·3 = 382), 2 rows (211), and below them (214 used) 82 mm: a row lying down, 4
    // across (4·104 + 3·3 = 425) = 14. Without turning the best is 12 (upright sheet, 3 × 4).
    const design = filledTemplate('tag-hanging-70x100-fresh');
    const out = `${DIR}tags-turned-sra3.pdf`;
    const r = await imposeDesigns({ items: [{ design, count: 28 }], sheet: SHEETS.sra3, job: '吊牌', out });
    expect(r).toMatchObject({ sheets: 2, perSheet: [14, 14] });
    expect(r.items[0]!.rotated).toBe(8);
    const fixed = await imposeDesigns({
      items: [{ design, count: 28 }],
      sheet: SHEETS.sra3,
      out: `${DIR}tags-fixed-sra3.pdf`,
      rotate: false,
    });
    expect(fixed).toMatchObject({ sheets: 3, perSheet: [12, 12, 4] });
    expect(fixed.items[0]!.rotated).toBe(0);
    expect(PdfReader.open(fixed.path).content(0)).not.toMatch(/0 [-\d.]+ [-\d.]+ 0 [-\d.]+ [-\d.]+ cm\n\/Fm/);

    const pdf = PdfReader.open(out);
    const { w: sw, h: sh } = pdf.sizeMm(0);
    expect([Math.round(sw), Math.round(sh)]).toEqual([450, 320]);
    const content = pdf.content(0);
    const trims = placedTrims(content, 70, 100);
    expect(trims.filter((t) => t.rotated)).toHaveLength(4);
    // The turned ones lie down: 100 wide, 70 tall, in the band under the two upright rows.
    const upright = trims.filter((t) => !t.rotated);
    const turned = trims.filter((t) => t.rotated);
    for (const t of turned) expect(t.y0).toBeGreaterThan(Math.max(...upright.map((u) => u.y1)));

    // The CutContour: one rounded rectangle per piece, exactly on its trim — 100 × 70 when turned.
    const cuts = cutBoxes(content);
    expect(cuts).toHaveLength(14);
    for (const t of trims) {
      const cut = cuts.find((c) => Math.abs(c.x0 - t.x0) < 0.01 && Math.abs(c.y0 - t.y0) < 0.01)!;
      expect(cut).toBeDefined();
      expect(cut.x1 - cut.x0).toBeCloseTo(t.rotated ? 100 : 70, 2);
      expect(cut.y1 - cut.y0).toBeCloseTo(t.rotated ? 70 : 100, 2);
    }

    // Crop marks: a tick above the block on the line of every trim edge, and one left of it on every
    // trim's top and bottom (the turned ones' at 70 mm apart).
    const segs = [...content.matchAll(/^([-\d.]+) ([-\d.]+) m\n([-\d.]+) ([-\d.]+) l$/gm)].map((m) =>
      m.slice(1, 5).map(Number),
    );
    const top = Math.min(...trims.map((t) => t.y0));
    const left = Math.min(...trims.map((t) => t.x0));
    const tickXs = segs.filter(([x1, , x2, y2]) => x1 === x2 && y2! < top - 2).map(([x]) => x!);
    const tickYs = segs.filter(([, y1, x2, y2]) => y1 === y2 && x2! < left - 2).map(([, y]) => y!);
    const near01 = (list: number[], v: number) => list.some((t) => Math.abs(t - v) < 0.02);
    for (const t of trims) {
      for (const x of [t.x0, t.x1]) expect(near01(tickXs, x)).toBe(true);
      for (const y of [t.y0, t.y1]) expect(near01(tickYs, y)).toBe(true);
    }

    // The artwork turned: every point of an upright tag reappears in a turned one at (e − v, f + u).
    const ras = pdf.rasterise(0, 100);
    const a = upright[0]!;
    const b = turned[0]!;
    let checked = 0;
    for (let u = 6; u <= 64; u += 4)
      for (let v = 6; v <= 94; v += 4) {
        const want = ras.pixelAtMm(a.x0 + u, a.y0 + v);
        const got = ras.pixelAtMm(b.e - v, b.f + u);
        if (near(want, got, 40)) checked++;
      }
    // Pixel grids of the two do not align exactly: a few samples on sharp edges may differ.
    expect(checked).toBeGreaterThan(0.9 * 15 * 23);
    // And the turned tag is not its unturned self (its top — the punch hole — is on the right).
    let same = 0;
    for (let u = 6; u <= 64; u += 4)
      for (let v = 6; v <= 64; v += 4)
        if (near(ras.pixelAtMm(a.x0 + u, a.y0 + v), ras.pixelAtMm(b.x0 + u, b.y0 + v), 40)) same++;
    expect(same).toBeLessThan(0.9 * 15 * 15);
  });
});
