import { describe, expect, it } from 'vitest';
import {
  DesignSchema,
  parseOrThrow,
  StudioError,
  toCmyk,
  ColourSchema,
  formatPath,
  TemplateSchema,
  slotsOf,
} from '../../main/core/index.js';
import { listTemplates } from '../../main/engine/templates.js';

const base = {
  schema: 'campaign-studio/design',
  version: 1,
  format: { widthMm: 420, heightMm: 594, bleedMm: 3 },
  elements: [
    {
      id: 'slogan',
      slot: 'slogan',
      type: 'text',
      box: { x: 10, y: 10, w: 400, h: 200 },
      text: '白菜',
      size: { mode: 'fixed', mm: 20 },
    },
  ],
};

function errorOf(input: unknown): StudioError {
  try {
    parseOrThrow(DesignSchema, input, '设计文件');
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('expected the design to be rejected');
}

describe('design schema', () => {
  it('accepts a minimal design and fills defaults', () => {
    const d = DesignSchema.parse(base);
    const el = d.elements[0]!;
    expect(el.type).toBe('text');
    if (el.type === 'text') {
      expect(el.align).toBe('center');
      expect(el.colour).toEqual({ rgb: '#000000' });
    }
    expect(d.format.safeMm).toBe(0);
  });

  it('names the path of a bad field', () => {
    const bad = structuredClone(base);
    (bad.elements[0]!.box as { w: number }).w = -5;
    const e = errorOf(bad);
    expect(e.code).toBe('invalid-design');
    expect(e.full).toContain('elements[0].box.w');
  });

  it('rejects zero and negative page sizes, naming the field', () => {
    expect(errorOf({ ...base, format: { widthMm: 0, heightMm: 594 } }).full).toContain('format.widthMm');
    expect(errorOf({ ...base, format: { widthMm: 420, heightMm: -1 } }).full).toContain('format.heightMm');
  });

  it('rejects a wrong schema id or version with a message a user understands', () => {
    expect(errorOf({ ...base, schema: 'x' }).full).toContain('不是反诈物料工作室的设计文件');
    expect(errorOf({ ...base, version: 2 }).full).toContain('版本');
  });

  it('rejects duplicate element ids and images that reference no asset', () => {
    const dup = { ...base, elements: [base.elements[0], { ...base.elements[0], slot: 'other' }] };
    expect(errorOf(dup).full).toContain('重复');
    const img = { ...base, elements: [{ id: 'p', type: 'image', box: { x: 0, y: 0, w: 10, h: 10 }, asset: 'nope' }] };
    expect(errorOf(img).full).toContain('elements[0].asset');
  });

  it('rejects an auto-fit range whose minimum exceeds its maximum', () => {
    const bad = structuredClone(base) as { elements: { size: unknown }[] };
    bad.elements[0]!.size = { mode: 'fit', minMm: 30, maxMm: 10 };
    expect(errorOf(bad).full).toContain('elements[0].size');
  });

  it('formats nested paths', () => {
    expect(formatPath(['elements', 2, 'box', 'w'])).toBe('elements[2].box.w');
    expect(formatPath([])).toBe('(根)');
  });
});

describe('colours', () => {
  it('print red is M100 Y100 and rich black is C50 M50 Y50 K100', () => {
    expect(ColourSchema.parse('print-red').cmyk).toEqual([0, 100, 100, 0]);
    expect(ColourSchema.parse('rich-black').cmyk).toEqual([50, 50, 50, 100]);
  });
  it('converts plain RGB to CMYK when no explicit value is given', () => {
    expect(toCmyk(ColourSchema.parse('#FF0000'))).toEqual([0, 100, 100, 0]);
    expect(toCmyk(ColourSchema.parse('#000'))).toEqual([0, 0, 0, 100]);
    expect(toCmyk(ColourSchema.parse({ rgb: '#123456', cmyk: [1, 2, 3, 4] }))).toEqual([1, 2, 3, 4]);
  });
  it('rejects malformed colours', () => {
    expect(ColourSchema.safeParse('red').success).toBe(false);
    expect(ColourSchema.safeParse('#12345').success).toBe(false);
  });
});

describe('shipped templates', () => {
  it('all validate, and the three starters each have a slogan slot', () => {
    const ts = listTemplates();
    for (const t of ts) expect(TemplateSchema.safeParse(t).success).toBe(true);
    const kinds = new Map(ts.map((t) => [t.id, t]));
    for (const id of ['banner-red-600x70', 'poster-a2-red', 'wechat-1080x1920-blue']) {
      expect(slotsOf(kinds.get(id)!).map((s) => s.name)).toContain('slogan');
    }
    expect(kinds.get('banner-red-600x70')!.format).toMatchObject({ widthMm: 6000, heightMm: 700, bleedMm: 0 });
    expect(kinds.get('poster-a2-red')!.format).toMatchObject({ widthMm: 420, heightMm: 594, bleedMm: 3 });
    expect(kinds.get('wechat-1080x1920-blue')!.format.pixels).toEqual({ width: 1080, height: 1920 });
  });
});
