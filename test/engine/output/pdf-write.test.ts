import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import type { Scene } from '../../../main/engine/scene/types.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { near, PdfReader } from '../../helpers/pdf-reader.js';
import {
  background,
  BLUE,
  face,
  RED,
  scene,
  sloganPoster,
  solidImage,
  textRun,
  WHITE,
} from '../../helpers/scene-fixtures.js';

const DIR = `${OUT_DIR}pdf/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

const out = (name: string): string => `${DIR}${name}`;
const A2_RED = [230, 0, 18];

describe('page boxes', () => {
  test('A2 without bleed is exactly 420 × 594 mm', async () => {
    const r = await writePdf([sloganPoster({ bleedMm: 0, cropMarks: false, colourMode: 'rgb' })], out('a2-plain.pdf'));
    const pdf = PdfReader.open(r.path);
    expect(pdf.pageCount).toBe(1);
    const { w, h } = pdf.sizeMm(0);
    expect(w).toBeCloseTo(420, 2);
    expect(h).toBeCloseTo(594, 2);
    const trim = pdf.boxes(0).mm.TrimBox;
    expect(trim?.w).toBeCloseTo(420, 2);
    expect(trim?.x0).toBeCloseTo(0, 2);
    expect(r).toMatchObject({ pages: 1, scale: 1, userUnit: 1 });
  });

  test('bleed and crop marks: media = trim + bleed + slug, TrimBox and BleedBox set', async () => {
    const r = await writePdf([sloganPoster()], out('a2-bleed-marks.pdf'));
    const { mm, userUnit } = PdfReader.open(r.path).boxes(0);
    expect(userUnit).toBe(1);
    expect(mm.MediaBox?.w).toBeCloseTo(420 + 2 * (3 + 12), 2);
    expect(mm.MediaBox?.h).toBeCloseTo(594 + 2 * (3 + 12), 2);
    expect(mm.TrimBox?.x0).toBeCloseTo(15, 2);
    expect(mm.TrimBox?.y0).toBeCloseTo(15, 2);
    expect(mm.TrimBox?.w).toBeCloseTo(420, 2);
    expect(mm.TrimBox?.h).toBeCloseTo(594, 2);
    expect(mm.BleedBox?.x0).toBeCloseTo(12, 2);
    expect(mm.BleedBox?.w).toBeCloseTo(426, 2);
    expect(mm.BleedBox?.h).toBeCloseTo(600, 2);
  });

  test('bleed without crop marks has no slug', async () => {
    const r = await writePdf([sloganPoster()], out('a2-bleed.pdf'), { cropMarks: false });
    const { mm } = PdfReader.open(r.path).boxes(0);
    expect(mm.MediaBox?.w).toBeCloseTo(426, 2);
    expect(mm.TrimBox?.x0).toBeCloseTo(3, 2);
  });

  test('crop marks without bleed keep a slug and draw 3 mm off the trim', async () => {
    const r = await writePdf([sloganPoster({ bleedMm: 0 })], out('marks-no-bleed.pdf'), { cropMarks: true });
    const pdf = PdfReader.open(r.path);
    expect(pdf.sizeMm(0).w).toBeCloseTo(420 + 24, 2);
    expect(pdf.boxes(0).mm.BleedBox?.w).toBeCloseTo(420, 2);
    expect(pdf.content(0)).toMatch(/-3 0 m\n-8 0 l/);
  });

  test('bleed: false drops the bleed even when the scene has one', async () => {
    const r = await writePdf([sloganPoster()], out('a2-nobleed.pdf'), { bleed: false });
    expect(PdfReader.open(r.path).sizeMm(0).w).toBeCloseTo(420, 2);
  });
});

describe('text', () => {
  let pdf: PdfReader;
  let poster: Scene;
  beforeAll(async () => {
    poster = sloganPoster();
    pdf = PdfReader.open((await writePdf([poster], out('text.pdf'))).path);
  });

  test('fonts are embedded, subset and carry ToUnicode', () => {
    const fonts = pdf.fonts();
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansSC-Black',
      'NotoSansSC-Regular',
    ]);
    for (const f of fonts) expect(f).toMatchObject({ subset: true, embedded: true, toUnicode: true, subtype: 'Type0' });
  });

  test('Chinese text is extractable, once (the outline stroke is not text)', () => {
    const text = pdf.text(0);
    expect(text.split('白菜青菜油麦菜').length - 1).toBe(1);
    expect(text).toContain('陌生来电不轻信 96110');
  });

  test('every glyph sits where the scene put it', () => {
    const chars = pdf.chars(0).filter((c) => c.c.trim());
    const expected = poster.items.flatMap((it) => (it.kind === 'text' ? it.glyphs.filter((g) => g.text.trim()) : []));
    expect(chars.length).toBe(expected.length);
    chars.forEach((c, i) => {
      const g = expected[i];
      expect(c.c).toBe(g?.text);
      expect(c.x - 15).toBeCloseTo(g?.x ?? NaN, 2);
      expect(c.y - 15).toBeCloseTo(g?.y ?? NaN, 2);
    });
  });

  test('vertical runs are placed glyph by glyph and stay searchable', async () => {
    const s = scene({
      colourMode: 'rgb',
      items: [textRun('竖排文字', { x: 50, y: 60, sizeMm: 20, vertical: true, face: face(700) })],
    });
    const p = PdfReader.open((await writePdf([s], out('vertical.pdf'))).path);
    const chars = p.chars(0).filter((c) => c.c.trim());
    expect(chars.map((c) => c.c).join('')).toBe('竖排文字');
    chars.forEach((c, i) => expect(c.y - 15).toBeCloseTo(60 + 20 * i, 2));
  });

  test('a run whose glyphs pdfkit would not place the same is set glyph by glyph', async () => {
    const run = textRun('转账汇款多核实', { x: 20, y: 100, sizeMm: 30 });
    run.glyphs = run.glyphs.map((g, i) => ({ ...g, x: g.x + (i >= 3 ? 5 : 0) })); // e.g. justified
    const p = PdfReader.open((await writePdf([scene({ colourMode: 'rgb', items: [run] })], out('respaced.pdf'))).path);
    const chars = p.chars(0).filter((c) => c.c.trim());
    expect(chars.map((c) => c.c).join('')).toBe('转账汇款多核实');
    chars.forEach((c, i) => expect(c.x - 15).toBeCloseTo(run.glyphs[i]?.x ?? NaN, 2));
  });

  test('a missing character still draws its .notdef box', async () => {
    const items = [
      background({ widthMm: 100, heightMm: 50, bleedMm: 0 }, WHITE),
      textRun('\uE000', { x: 10, y: 40, sizeMm: 30 }),
    ];
    const s = scene({ widthMm: 100, heightMm: 50, bleedMm: 0, cropMarks: false, colourMode: 'rgb', items });
    const run = items[1];
    expect(run?.kind === 'text' && run.glyphs[0]?.gid).toBe(0);
    const ras = PdfReader.open((await writePdf([s], out('notdef.pdf'))).path).rasterise(0, 254);
    let dark = 0;
    for (let y = 100; y < 400; y++) for (let x = 100; x < 400; x++) if ((ras.pixel(x, y)[0] ?? 255) < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  test('outlineText: no fonts, no text, same picture', async () => {
    const s = sloganPoster({ colourMode: 'rgb' });
    const outlined = PdfReader.open((await writePdf([s], out('outlined.pdf'), { outlineText: true })).path);
    const real = PdfReader.open((await writePdf([s], out('real.pdf'))).path);
    expect(outlined.fonts()).toEqual([]);
    expect(outlined.text(0).trim()).toBe('');
    const a = outlined.rasterise(0, 30);
    const b = real.rasterise(0, 30);
    expect(meanDiff(a.data, b.data)).toBeLessThan(1);
    // The slogan is really there: yellow inside the first glyph's stroke box.
    expect(countNear(a, [255, 230, 0])).toBeGreaterThan(1000);
  });
});

describe('colour', () => {
  test('CMYK: print red is 0 1 1 0, crop marks are registration, nothing in RGB', async () => {
    const pdf = PdfReader.open((await writePdf([sloganPoster()], out('cmyk.pdf'))).path);
    const c = pdf.content(0);
    expect(c).toContain('/DeviceCMYK cs\n0 1 1 0 scn');
    expect(c).toContain('/DeviceCMYK CS\n1 1 1 1 SCN');
    expect(c).not.toContain('DeviceRGB');
  });

  test('RGB by default for RGB scenes; cmyk option overrides', async () => {
    const rgb = PdfReader.open((await writePdf([sloganPoster({ colourMode: 'rgb' })], out('rgb.pdf'))).path).content(0);
    expect(rgb).toMatch(/\/DeviceRGB cs\n0\.90196\d* 0 0\.07058\d* scn/);
    expect(rgb).not.toContain('DeviceCMYK');
    const forced = PdfReader.open(
      (await writePdf([sloganPoster({ colourMode: 'rgb' })], out('rgb-forced.pdf'), { cmyk: true })).path,
    ).content(0);
    expect(forced).toContain('0 1 1 0 scn');
  });

  test('gradients use the chosen colour space', async () => {
    const g = {
      kind: 'gradient' as const,
      elementId: 'g',
      x: 0,
      y: 0,
      w: 100,
      h: 100,
      x1: 0,
      y1: 0,
      x2: 100,
      y2: 0,
      stops: [
        { offset: 0, colour: RED },
        { offset: 1, colour: BLUE },
      ],
    };
    const s = scene({ widthMm: 100, heightMm: 100, bleedMm: 0, cropMarks: false, items: [g] });
    const bytes = readFileSync((await writePdf([s], out('gradient-cmyk.pdf'))).path).toString('latin1');
    expect(bytes).toMatch(/\/ShadingType 2\s*\/ColorSpace \/DeviceCMYK/);
    const rgbPath = (await writePdf([{ ...s, colourMode: 'rgb' }], out('gradient-rgb.pdf'))).path;
    expect(readFileSync(rgbPath).toString('latin1')).toMatch(/\/ShadingType 2\s*\/ColorSpace \/DeviceRGB/);
    const ras = PdfReader.open(rgbPath).rasterise(0, 25.4);
    expect(near(ras.pixelAtMm(0.5, 50), A2_RED, 12)).toBe(true);
    expect(near(ras.pixelAtMm(99.5, 50), [0, 58, 140], 12)).toBe(true);
  });
});

describe('drawing', () => {
  test('the red ground really paints, bleed included, and crop marks sit outside the bleed', async () => {
    const r = await writePdf([sloganPoster({ colourMode: 'rgb' })], out('raster.pdf'));
    const pdf = PdfReader.open(r.path);
    writeFileSync(out('raster.png'), pdf.png(0, 40));
    const ras = pdf.rasterise(0, 25.4); // 1 px/mm, origin at the media top-left; trim at 15 mm
    expect(near(ras.pixelAtMm(20.5, 20.5), A2_RED)).toBe(true);
    expect(near(ras.pixelAtMm(13.5, 13.5), A2_RED)).toBe(true); // bleed
    expect(near(ras.pixelAtMm(11.5, 11.5), [255, 255, 255])).toBe(true); // slug
    // Top-left corner at 600 dpi. Horizontal mark: y = 15 mm, x from 15 − 4 − 5 to 15 − 4.
    const corner = pdf.rasterise(0, 600, { regionMm: { x: 0, y: 0, w: 20, h: 20 } });
    const px = 600 / 25.4;
    const darkest = (xMm: number, yMm: number, horizontal: boolean): number =>
      Math.min(
        ...[-2, -1, 0, 1, 2].map(
          (d) => corner.pixel(xMm * px + (horizontal ? 0 : d), yMm * px + (horizontal ? d : 0))[0],
        ),
      );
    expect(darkest(8.5, 15, true)).toBeLessThan(100);
    expect(darkest(6.5, 15, true)).toBeLessThan(100);
    expect(darkest(5.5, 15, true)).toBe(255); // beyond the mark's end
    expect(darkest(11.5, 15, true)).toBe(255); // the gap before the bleed
    expect(darkest(15, 8.5, false)).toBeLessThan(100); // vertical mark
    expect(near(corner.pixelAtMm(8.5, 13), [255, 255, 255])).toBe(true);
  });

  test('images are clipped to their rounded clip', async () => {
    const img = await solidImage(40, 30, [0, 120, 255]);
    const jpeg = await solidImage(40, 30, [0, 200, 0], 'jpeg');
    const s = scene({
      widthMm: 200,
      heightMm: 100,
      bleedMm: 0,
      cropMarks: false,
      colourMode: 'rgb',
      items: [
        background({ widthMm: 200, heightMm: 100, bleedMm: 0 }, RED),
        {
          kind: 'image',
          elementId: 'i',
          image: img,
          x: 10,
          y: 10,
          w: 80,
          h: 60,
          clip: { x: 20, y: 20, w: 60, h: 40, r: 10 },
        },
        {
          kind: 'image',
          elementId: 'j',
          image: jpeg,
          x: 110,
          y: 10,
          w: 80,
          h: 60,
          clip: { x: 110, y: 10, w: 80, h: 60, r: 0 },
        },
      ],
    });
    const ras = PdfReader.open((await writePdf([s], out('image.pdf'))).path).rasterise(0, 50.8);
    expect(near(ras.pixelAtMm(50, 40), [0, 120, 255])).toBe(true);
    expect(near(ras.pixelAtMm(15, 15), A2_RED)).toBe(true); // inside the image, outside the clip
    expect(near(ras.pixelAtMm(21, 21), A2_RED)).toBe(true); // the rounded corner
    expect(near(ras.pixelAtMm(150, 40), [0, 200, 0], 12)).toBe(true);
  });

  test('the PDF looks like the SVG preview (mean difference under 0.5/255)', async () => {
    const img = await solidImage(40, 30, [0, 120, 255]);
    const s = sloganPoster({
      colourMode: 'rgb',
      items: [
        {
          kind: 'image',
          elementId: 'i',
          image: img,
          x: 50,
          y: 350,
          w: 200,
          h: 150,
          clip: { x: 60, y: 360, w: 180, h: 130, r: 20 },
        },
        {
          kind: 'gradient',
          elementId: 'g',
          x: 250,
          y: 350,
          w: 150,
          h: 150,
          x1: 250,
          y1: 350,
          x2: 400,
          y2: 500,
          stops: [
            { offset: 0.2, colour: WHITE },
            { offset: 0.8, colour: BLUE },
          ],
        },
        {
          kind: 'ellipse',
          elementId: 'e',
          cx: 100,
          cy: 80,
          rx: 40,
          ry: 25,
          fill: { rgb: '#00FF00' },
          stroke: { colour: { rgb: '#000000' }, widthMm: 2 },
        },
        {
          kind: 'rect',
          elementId: 'r',
          x: 200,
          y: 20,
          w: 100,
          h: 40,
          r: 30,
          fill: { rgb: '#00FFFF' },
          stroke: { colour: { rgb: '#000000' }, widthMm: 2 },
        },
        {
          kind: 'line',
          elementId: 'l',
          x1: 20,
          y1: 560,
          x2: 400,
          y2: 560,
          stroke: { colour: { rgb: '#000000' }, widthMm: 1 },
        },
        { kind: 'path', elementId: 'p', d: 'M 20 520 L 60 520 L 40 550 Z', fill: WHITE },
        textRun('竖排文字', { x: 380, y: 60, sizeMm: 20, vertical: true, face: face(700), fill: WHITE }),
      ],
    });
    const ras = PdfReader.open((await writePdf([s], out('parity.pdf'))).path).rasterise(0, 50.8, { box: 'TrimBox' });
    const svg = sceneToSvg(s, { widthPx: ras.width, heightPx: ras.height });
    const ref = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer();
    expect(ras.width).toBe(840);
    expect(meanDiff(ras.data, ref)).toBeLessThan(0.5);
  });
});

describe('documents', () => {
  test('one page per scene, fonts shared, progress per page, document info', async () => {
    const scenes = ['一', '二', '三'].map((n, i) =>
      sloganPoster({ name: `海报${n}`, widthMm: 420 - i * 100, heightMm: 594 - i * 100, colourMode: 'rgb' }),
    );
    const progress: [number, number][] = [];
    const r = await writePdf(scenes, out('batch.pdf'), {
      title: '批量海报',
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(r.pages).toBe(3);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const pdf = PdfReader.open(r.path);
    expect(pdf.pageCount).toBe(3);
    expect(pdf.boxes(2).mm.TrimBox?.w).toBeCloseTo(220, 2);
    expect(pdf.fonts()).toHaveLength(2);
    expect(pdf.info('Title')).toBe('批量海报');
    expect(pdf.info('Creator')).toBe('反诈物料工作室 Campaign Studio');
    expect(pdf.version).toBe('1.7');
    expect(pdf.text(0)).toContain('白菜青菜油麦菜');
    expect(pdf.text(2)).toContain('白菜青菜'); // the rest lies off the smaller page
  });

  test('the title defaults to the first scene name', async () => {
    const r = await writePdf([sloganPoster({ name: '防骗海报' })], out('title.pdf'));
    expect(PdfReader.open(r.path).info('Title')).toBe('防骗海报');
  });
});

function meanDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / ((a.length / 4) * 3);
}

function countNear(r: { width: number; height: number; pixel(x: number, y: number): number[] }, rgb: number[]): number {
  let n = 0;
  for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) if (near(r.pixel(x, y), rgb, 30)) n++;
  return n;
}
