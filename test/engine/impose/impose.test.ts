import { mkdirSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setContent, StudioError } from '../../../main/core/index.js';
import { imposeDesigns } from '../../../main/engine/impose/impose.js';
import { planImposition } from '../../../main/engine/impose/plan.js';
import { parseSheet, SHEETS } from '../../../main/engine/impose/sheets.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { pageXObjects } from '../../helpers/pdf-objects.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { filledTemplate } from '../../helpers/profile.js';

const DIR = `${OUT_DIR}impose/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));
const PT = 72 / 25.4;

const SLOGANS = [
  '转账前\n先核实',
  '陌生来电\n不轻信',
  '未知链接\n不点击',
  '个人信息\n不透露',
  '刷单\n是诈骗',
  '网贷\n先交钱是骗',
  '客服退款\n要核实',
  '高息理财\n是陷阱',
  '冒充领导\n要核实',
  '公检法\n不电话办案',
  '网恋谈钱\n要警惕',
  '游戏交易\n走平台',
];

const stickers = (n: number) =>
  SLOGANS.slice(0, n).map((s) => setContent(filledTemplate('sticker-round-market-50'), 'slogan', s));

describe('the imposition plan', () => {
  it('12 different 50 mm stickers × 50 each fill A3 sheets in order, 28 a sheet', () => {
    const items = SLOGANS.map((s) => ({ name: s, widthMm: 50, heightMm: 50, bleedMm: 2, count: 50 }));
    const plan = planImposition(items, { sheet: SHEETS.a3 });
    expect(plan.sheets.map((s) => s.length)).toEqual([...Array(21).fill(28), 600 - 21 * 28]);
    // In order: design by design, never back.
    const order = plan.sheets.flat().map((p) => p.item);
    expect(order).toEqual(order.slice().sort((a, b) => a - b));
    expect(order.filter((i) => i === 5)).toHaveLength(50);
    // Every piece inside the sheet's borders, bleed to bleed at least the gap apart.
    for (const sheet of plan.sheets) {
      for (const p of sheet) {
        expect(p.x - 2).toBeGreaterThanOrEqual(plan.marginMm - 1e-9);
        expect(p.x + 52).toBeLessThanOrEqual(plan.sheetWidthMm - plan.marginMm + 1e-9);
        expect(p.y + 52).toBeLessThanOrEqual(plan.sheetHeightMm - plan.labelMarginMm + 1e-9);
      }
      for (const a of sheet)
        for (const b of sheet) {
          if (a === b) continue;
          const apart = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) - 54;
          expect(apart).toBeGreaterThanOrEqual(plan.gapMm - 1e-9);
        }
    }
    // Waste: 22 A3 sheets hold 600 trims of 50 × 50 mm (rectangles: no area given).
    expect(plan.wastePct).toBeCloseTo(100 * (1 - (600 * 2500) / (22 * 297 * 420)), 1);
    // Round ones use a circle's area of paper, not the square's.
    const round = planImposition(
      items.map((it) => ({ ...it, areaMm2: Math.PI * 625 })),
      { sheet: SHEETS.a3 },
    );
    expect(round.wastePct).toBeCloseTo(100 * (1 - (600 * Math.PI * 625) / (22 * 297 * 420)), 1);
  });

  it('turns the sheet when that needs fewer sheets, and keeps it upright on a tie', () => {
    // 126 × 66 mm with bleed: 4 a sheet either way round.
    const items = [{ name: '台卡', widthMm: 120, heightMm: 60, bleedMm: 3, count: 6 }];
    const plan = planImposition(items, { sheet: SHEETS.a4 });
    expect(plan.sheets.map((s) => s.length)).toEqual([4, 2]);
    expect(plan.turned).toBe(false);
    // A 25 cm price strip only fits across a turned A4.
    const wide = planImposition([{ name: '价签', widthMm: 250, heightMm: 40, bleedMm: 2, count: 4 }], {
      sheet: SHEETS.a4,
    });
    expect(wide.turned).toBe(true);
    expect(wide.sheetWidthMm).toBe(297);
  });

  it('a piece bigger than the sheet is refused, naming it', () => {
    const items = [{ name: '摊位展板', widthMm: 600, heightMm: 800, bleedMm: 3, count: 1 }];
    expect(() => planImposition(items, { sheet: SHEETS.a3 })).toThrow(/「摊位展板」.*放不进 A3/);
  });

  it('sheets by name or size', () => {
    expect(parseSheet('SRA3')).toMatchObject({ widthMm: 320, heightMm: 450 });
    expect(parseSheet('464×320')).toMatchObject({ widthMm: 320, heightMm: 464, name: '320x464' });
    expect(() => parseSheet('b5')).toThrow(StudioError);
  });
});

describe('the imposed PDF', () => {
  it('places every piece at its exact size on the sheets the plan says, with marks, cut lines and labels', async () => {
    const out = `${DIR}stickers-a3.pdf`;
    const designs = stickers(3);
    const r = await imposeDesigns({
      items: designs.map((design, i) => ({ design, count: [30, 20, 10][i]! })),
      sheet: SHEETS.a3,
      job: '列东菜市场',
      out,
    });
    expect(r).toMatchObject({ sheets: 3, pieces: 60, perSheet: [28, 28, 4] });
    expect(r.items.map((i) => i.sheets)).toEqual([[1, 2], [2], [2, 3]]);
    const pdf = PdfReader.open(out);
    expect(pdf.pageCount).toBe(3);
    for (let page = 0; page < 3; page++) {
      const { w, h } = pdf.sizeMm(page);
      expect([w, h].map((v) => Math.round(v * 100) / 100)).toEqual([297, 420]);
      // One form per design, each drawn once per piece at scale 1 (cm 1/k 0 0 -1/k x y).
      const forms = [...pageXObjects(pdf, page).values()].filter((x) => x.get('Subtype').asName() === 'Form');
      for (const f of forms) {
        const bbox = [0, 1, 2, 3].map((k) => f.get('BBox').get(k).asNumber());
        expect((bbox[2]! - bbox[0]!) / PT).toBeCloseTo(54, 4);
        expect((bbox[3]! - bbox[1]!) / PT).toBeCloseTo(54, 4);
      }
      const content = pdf.content(page);
      const places = [...content.matchAll(/([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\n\/Fm\d+ Do/g)];
      expect(places).toHaveLength(r.perSheet[page]!);
      for (const m of places) {
        expect(Number(m[1]) * PT).toBeCloseTo(1, 5);
        expect(Number(m[2]) * PT).toBeCloseTo(-1, 5);
      }
      // Every piece's cut line: a 25 mm circle in the CutContour layer.
      const cut = content.slice(
        content.indexOf('/OC /OcCut BDC'),
        content.indexOf('EMC', content.indexOf('/OC /OcCut')),
      );
      expect(cut.match(/ m\n/g)).toHaveLength(r.perSheet[page]!);
      // The label.
      expect(pdf.text(page)).toContain(`第 ${page + 1}/3 张`);
    }
    // The artwork is where the plan put it: the first piece's board and frame, and the gap between
    // pieces blank.
    const ras = pdf.rasterise(0, 100);
    const first = /([-\d.]+) 0 0 [-\d.]+ ([-\d.]+) ([-\d.]+) cm\n\/Fm\d+ Do/.exec(pdf.content(0))!;
    const [x, y] = [Number(first[2]), Number(first[3])];
    // The chalkboard just inside its disc (3.8 mm in), the brown frame 2 mm inside the cut.
    for (const v of ras.pixelAtMm(x + 25, y + 4.6).slice(0, 3)) expect(v).toBeLessThan(90);
    const frame = ras.pixelAtMm(x + 25, y + 2);
    expect(frame[0]).toBeGreaterThan(frame[2] + 40);
    expect(ras.pixelAtMm(x - 2.5, y + 25)).toEqual([255, 255, 255, 255]);
  });

  it('600 stickers stay a small file: each design drawn once', async () => {
    const out = `${DIR}stickers-600.pdf`;
    const r = await imposeDesigns({
      items: stickers(12).map((design) => ({ design, count: 50 })),
      sheet: SHEETS.a3,
      out,
    });
    expect(r.sheets).toBe(22);
    const bytes = statSync(out).size;
    console.log(
      `[impose] 12 designs × 50 on ${r.sheets} A3 sheets: ${(bytes / 1024).toFixed(0)} KB, waste ${r.wastePct}%`,
    );
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  it('refuses template samples unless asked for a proof, and leaves no file', async () => {
    const { designFromTemplate } = await import('../../../main/core/index.js');
    const { getTemplate } = await import('../../../main/engine/templates.js');
    const out = `${DIR}samples.pdf`;
    const raw = designFromTemplate(getTemplate('tag-hanging-70x100-fresh'));
    await expect(imposeDesigns({ items: [{ design: raw, count: 4 }], sheet: SHEETS.a4, out })).rejects.toMatchObject({
      code: 'placeholder',
    });
    expect(() => statSync(out)).toThrow();
  });
});
