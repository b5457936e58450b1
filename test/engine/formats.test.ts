import { describe, expect, it } from 'vitest';
import {
  DesignSchema,
  FormatCatalogueSchema,
  FormatEntrySchema,
  formatOfEntry,
  KINDS,
  matchFormat,
  pressDpiForArea,
  screenPxToMm,
  type FormatEntry,
} from '../../main/core/index.js';
import { getFormat, listFormats } from '../../main/engine/formats.js';
import { studio } from '../helpers/cli.js';

const formats = listFormats();
const ofKind = (kind: FormatEntry['kind']) => formats.filter((f) => f.kind === kind);
const size = (f: FormatEntry) => `${f.widthMm}x${f.heightMm}`;

describe('format catalogue (templates/formats.json)', () => {
  it('loads, validates and has unique ids', () => {
    expect(formats.length).toBeGreaterThanOrEqual(25);
    expect(new Set(formats.map((f) => f.id)).size).toBe(formats.length);
    for (const f of formats) expect(f.title, f.id).toMatch(/[\u4e00-\u9fff]/);
  });

  it('covers every kind of material', () => {
    for (const k of KINDS) expect(ofKind(k).length, k).toBeGreaterThan(0);
  });

  it('has the sizes officers order', () => {
    const sizes = new Set(formats.map(size));
    const expected = [
      // cloth banners 70 cm × 3, 5, 6, 8, 10 m and 1 m × 10 m; vertical banner
      '3000x700',
      '5000x700',
      '6000x700',
      '8000x700',
      '10000x700',
      '10000x1000',
      '600x3000',
      // posters A3, A2, A1, 42×57, 50×70, 60×90, 70×100 cm
      '297x420',
      '420x594',
      '594x841',
      '420x570',
      '500x700',
      '600x900',
      '700x1000',
      // roll-ups, X stand, table cards, stall signs, round stickers
      '800x2000',
      '850x2000',
      '600x1600',
      '200x100',
      '210x140',
      '300x200',
      '30x30',
      '40x40',
      '50x50',
    ];
    for (const s of expected) expect(sizes, s).toContain(s);
    const px = formats.filter((f) => f.pixels).map((f) => `${f.pixels!.width}x${f.pixels!.height}`);
    for (const s of ['1080x1920', '1242x2208', '900x383', '1080x1080']) expect(px, s).toContain(s);
  });

  it('cloth banners: no bleed, hem margin, 喷绘 dpi by area, CMYK, read from 10–20 m', () => {
    for (const f of [...ofKind('banner'), ...ofKind('vertical-banner')]) {
      expect(f.bleedMm, f.id).toBe(0);
      expect(f.safeMm, f.id).toBeGreaterThanOrEqual(50);
      expect(f.safeMm, f.id).toBeLessThanOrEqual(100);
      expect(f.dpi, f.id).toBe(pressDpiForArea((f.widthMm * f.heightMm) / 1e6));
      expect(f.colourMode).toBe('cmyk');
      expect(f.cropMarks).toBe(false);
      expect(f.viewingDistanceM, f.id).toBeGreaterThanOrEqual(10);
      expect(f.viewingDistanceM, f.id).toBeLessThanOrEqual(20);
    }
  });

  it('the 喷绘 dpi steps: 45 up to 30 m², 22.5 up to 180 m², then 11.25', () => {
    expect([1, 30, 30.1, 180, 181].map(pressDpiForArea)).toEqual([45, 45, 22.5, 22.5, 11.25]);
  });

  it('posters: 3 mm bleed, 5 mm safe, crop marks, 150–300 dpi (72–96 above 1.2 m)', () => {
    for (const f of ofKind('poster')) {
      expect([f.bleedMm, f.safeMm, f.cropMarks, f.colourMode], f.id).toEqual([3, 5, true, 'cmyk']);
      const long = Math.max(f.widthMm, f.heightMm);
      if (long > 1200) expect(f.dpi, f.id).toBeLessThanOrEqual(96);
      else expect(f.dpi, f.id).toBeGreaterThanOrEqual(150);
      expect(f.viewingDistanceM, f.id).toBeGreaterThanOrEqual(1.5);
      expect(f.viewingDistanceM, f.id).toBeLessThanOrEqual(3);
    }
  });

  it('roll-ups keep the bottom 5 cm (hidden by the base) out of the safe area; stands are large-format dpi', () => {
    for (const f of ofKind('rollup')) {
      expect(f.safeMm, f.id).toBeGreaterThanOrEqual(50);
      expect(f.notes, f.id).toContain('底座');
    }
    for (const f of [...ofKind('rollup'), ...ofKind('x-stand')]) {
      expect(f.dpi, f.id).toBeGreaterThanOrEqual(72);
      expect(f.dpi, f.id).toBeLessThanOrEqual(96);
      expect(f.bleedMm, f.id).toBe(3);
      expect(f.viewingDistanceM, f.id).toBe(3);
    }
  });

  it('small print (cards, signs, stickers, tags): bleed, crop marks, 300 dpi (a stall board 150), read up close', () => {
    for (const f of [...ofKind('table-card'), ...ofKind('sign'), ...ofKind('sticker'), ...ofKind('tag')]) {
      expect(f.bleedMm, f.id).toBeGreaterThan(0);
      // DESIGN.md §5: 150–300 dpi for small print; a stall board over half a metre, read from 2.5 m, 150.
      const dpi = f.kind === 'sign' && Math.max(f.widthMm, f.heightMm) > 500 ? 150 : 300;
      expect([f.cropMarks, f.dpi, f.colourMode], f.id).toEqual([true, dpi, 'cmyk']);
    }
    for (const f of ofKind('sticker')) {
      expect(f.widthMm, f.id).toBe(f.heightMm);
      expect(f.viewingDistanceM).toBe(0.5);
    }
    for (const f of ofKind('table-card')) expect(f.viewingDistanceM).toBe(1);
  });

  it('die-cut and cropped formats say so: stickers are round or cut along a picture, the hanging tag has round corners, the cover a key square', () => {
    for (const f of ofKind('sticker')) expect(['circle', 'contour'], f.id).toContain(f.shape);
    // A shaped sticker's cut follows the picture its templates name `picture`, 4 mm out.
    expect(formats.find((f) => f.id === 'sticker-shaped-70')).toMatchObject({
      shape: 'contour',
      contour: { element: 'picture', offsetMm: 4 },
    });
    expect(formats.find((f) => f.id === 'tag-hanging-70x100')).toMatchObject({ shape: 'rect', cornerMm: 4 });
    expect(formats.filter((f) => f.keyArea).map((f) => f.id)).toEqual(['wechat-cover-900x383']);
  });

  it('has the formats from the field: hanging tag, shelf strip, stall board, comic poster, grid-group image', () => {
    for (const id of [
      'tag-hanging-70x100',
      'tag-shelf-strip-900x39',
      'sign-board-600x800',
      'poster-comic-570x840',
      'wechat-grid-1080x1440',
    ])
      expect(formats.map((f) => f.id)).toContain(id);
  });

  it('screen formats: pixels, mm = px × 25.4 / 96, RGB, 96 dpi, no bleed, read at 0.4 m', () => {
    for (const f of ofKind('wechat')) {
      expect(f.pixels, f.id).toBeDefined();
      expect(f.widthMm).toBeCloseTo(screenPxToMm(f.pixels!.width), 4);
      expect(f.heightMm).toBeCloseTo(screenPxToMm(f.pixels!.height), 4);
      expect([f.colourMode, f.dpi, f.bleedMm, f.cropMarks, f.viewingDistanceM], f.id).toEqual([
        'rgb',
        96,
        0,
        false,
        0.4,
      ]);
    }
    for (const f of formats.filter((x) => x.kind !== 'wechat')) expect(f.pixels, f.id).toBeUndefined();
  });

  it('every entry makes a valid design format', () => {
    for (const f of formats) {
      const format = formatOfEntry(f);
      expect(format).not.toHaveProperty('id');
      const d = DesignSchema.parse({ schema: 'campaign-studio/design', version: 1, format, elements: [] });
      expect(d.format).toEqual(format);
    }
  });

  it('finds an entry by id and by size', () => {
    expect(getFormat('poster-a2')).toMatchObject({ widthMm: 420, heightMm: 594, bleedMm: 3 });
    expect(() => getFormat('poster-a0')).toThrow(/没有编号为「poster-a0」的规格/);
    expect(matchFormat(formats, { widthMm: 6000, heightMm: 700, bleedMm: 0 })?.id).toBe('banner-600x70');
    expect(matchFormat(formats, { widthMm: 285.75, heightMm: 508, bleedMm: 0 })?.id).toBe('wechat-1080x1920');
    expect(matchFormat(formats, { widthMm: 420, heightMm: 594, bleedMm: 0 })).toBeUndefined();
    expect(matchFormat(formats, { widthMm: 420.004, heightMm: 594, bleedMm: 3 })?.id).toBe('poster-a2');
  });
});

describe('format catalogue schema', () => {
  const entry = {
    id: 'poster-a4',
    kind: 'poster',
    title: '海报 A4',
    widthMm: 210,
    heightMm: 297,
    bleedMm: 3,
    safeMm: 5,
  };

  it('fills the FormatSchema defaults and keeps its rules', () => {
    const e = FormatEntrySchema.parse(entry);
    expect(e).toMatchObject({ dpi: 150, colourMode: 'rgb', cropMarks: false, viewingDistanceM: 2, notes: '' });
    expect(FormatEntrySchema.safeParse({ ...entry, safeMm: 120 }).success).toBe(false);
    expect(FormatEntrySchema.safeParse({ ...entry, kind: 'flyer' }).success).toBe(false);
    expect(FormatEntrySchema.safeParse({ ...entry, id: 'Poster A4' }).success).toBe(false);
  });

  it('requires screen sizes in mm to follow the pixels', () => {
    const screen = { id: 'square-500', kind: 'wechat', title: '方图', pixels: { width: 500, height: 500 } };
    expect(
      FormatEntrySchema.safeParse({ ...screen, widthMm: screenPxToMm(500), heightMm: screenPxToMm(500) }).success,
    ).toBe(true);
    const r = FormatEntrySchema.safeParse({ ...screen, widthMm: 130, heightMm: screenPxToMm(500) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['widthMm']);
  });

  it('refuses duplicate ids and other files', () => {
    const cat = (formats: unknown[]) => ({ schema: 'campaign-studio/formats', version: 1, formats });
    expect(FormatCatalogueSchema.safeParse(cat([entry])).success).toBe(true);
    expect(FormatCatalogueSchema.safeParse(cat([entry, entry])).success).toBe(false);
    expect(FormatCatalogueSchema.safeParse({ ...cat([entry]), schema: 'campaign-studio/design' }).success).toBe(false);
  });
});

describe('campaign-studio formats', () => {
  it('--json prints the catalogue', async () => {
    const r = await studio(['formats', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as FormatEntry[];
    expect(list.map((f) => f.id)).toEqual(formats.map((f) => f.id));
    expect(list.find((f) => f.id === 'rollup-80x200')).toMatchObject({
      kind: 'rollup',
      widthMm: 800,
      heightMm: 2000,
      bleedMm: 3,
    });
  });

  it('prints a readable table without --json', async () => {
    const r = await studio(['formats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('banner-600x70');
    expect(r.stdout).toContain('易拉宝 80×200 cm');
    expect(r.stdout).toContain('1080×1920 像素');
    expect(r.stdout).toContain('出血 3 mm');
  });

  it('refuses unknown options (exit 2)', async () => {
    expect((await studio(['formats', '--xml'])).code).toBe(2);
  });
});
