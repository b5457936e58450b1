import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DesignSchema,
  MAX_ASSET_BYTES,
  StudioDesignSchema,
  StudioError,
  TemplateSchema,
  designFromTemplate,
  type AssetRef,
  type Design,
  type StudioDesign,
} from '../../main/core/index.js';
import {
  contentOf,
  elementAt,
  findElement,
  hexColour,
  imageAsset,
  imageBytes,
  patchElement,
  placeImage,
  presetColour,
  presetOf,
  refuseImageFile,
  removeImage,
  setContent,
  slotElement,
} from '../../main/core/design/edit.js';

const ROOT = resolve(import.meta.dirname, '../..');
function template(id: string): Design {
  return designFromTemplate(
    TemplateSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'templates/designs', `${id}.json`), 'utf8'))),
  );
}
const valid = (d: Design) => expect(DesignSchema.safeParse(d).success).toBe(true);

describe('style edits', () => {
  const banner = template('banner-red-600x70');

  it('each text style change gives a valid design and leaves the original alone', () => {
    const before = JSON.stringify(banner);
    const edits: Design[] = [
      patchElement(banner, 'slogan', 'text', { colour: presetColour('banner-yellow') }),
      patchElement(banner, 'slogan', 'text', { colour: hexColour('#12ab34') }),
      patchElement(banner, 'slogan', 'text', { font: { family: 'Noto Serif SC', weight: 900 } }),
      patchElement(banner, 'slogan', 'text', { size: { mode: 'fixed', mm: 300 } }),
      patchElement(banner, 'slogan', 'text', { size: { mode: 'fit', minMm: 100, maxMm: 400 } }),
      patchElement(banner, 'slogan', 'text', { stroke: { colour: presetColour('black'), widthMm: 4 } }),
      patchElement(banner, 'slogan', 'text', { align: 'left', valign: 'bottom' }),
      patchElement(banner, 'slogan', 'text', { writing: 'vertical' }),
      patchElement(banner, 'slogan', 'text', { letterSpacing: 0.2, lineHeight: 1.5 }),
    ];
    edits.forEach(valid);
    expect(JSON.stringify(banner)).toBe(before);
    expect(findElement(edits[0]!, 'slogan')).toMatchObject({ colour: { rgb: '#FFE600', cmyk: [0, 0, 100, 0] } });
    expect(findElement(edits[1]!, 'slogan')).toMatchObject({ colour: { rgb: '#12AB34' } });
    expect(findElement(edits[7]!, 'slogan')).toMatchObject({ writing: 'vertical' });
  });

  it('removes a stroke when it is patched to undefined', () => {
    const on = patchElement(banner, 'slogan', 'text', { stroke: { colour: presetColour('black'), widthMm: 4 } });
    const off = patchElement(on, 'slogan', 'text', { stroke: undefined });
    valid(off);
    expect(findElement(off, 'slogan')).not.toHaveProperty('stroke');
  });

  it('refuses values the schema refuses, with the element and the field named in Chinese', () => {
    expect(() => patchElement(banner, 'slogan', 'text', { size: { mode: 'fit', minMm: 400, maxMm: 100 } })).toThrow(
      /「标语」：最小字号不能大于最大字号/,
    );
    expect(() => patchElement(banner, 'slogan', 'text', { size: { mode: 'fixed', mm: 0 } })).toThrow(StudioError);
    expect(() => patchElement(banner, 'slogan', 'text', { letterSpacing: 6 })).toThrow(/「标语」：字距应/);
    expect(() => patchElement(banner, 'slogan', 'text', { lineHeight: Number.NaN })).toThrow(/行距/);
    expect(() =>
      patchElement(banner, 'slogan', 'text', { stroke: { colour: presetColour('black'), widthMm: 5000 } }),
    ).toThrow(/描边宽度/);
    // Every value the editor's own check lets through, the schema takes too (limits.ts holds both).
    for (const v of [-0.5, 0, 5]) valid(patchElement(banner, 'slogan', 'text', { letterSpacing: v }));
    for (const v of [0.5, 5]) valid(patchElement(banner, 'slogan', 'text', { lineHeight: v }));
    valid(patchElement(banner, 'slogan', 'text', { size: { mode: 'fixed', mm: 20_000 } }));
    expect(() => patchElement(banner, 'nope', 'text', { writing: 'vertical' })).toThrow(/没有元素「nope」/);
    expect(() => patchElement(banner, 'slogan', 'qr', { content: 'x' })).toThrow(/不是二维码/);
    expect(() => hexColour('red')).toThrow(/#RRGGBB/);
  });

  it('edits QR colours and image fit', () => {
    const poster = template('poster-50x70-photo');
    valid(patchElement(poster, 'qr', 'qr', { dark: presetColour('police-blue') }));
    const contain = patchElement(poster, 'photo', 'image', { fit: 'contain' });
    valid(contain);
    expect(findElement(contain, 'photo')).toMatchObject({ fit: 'contain' });
  });

  it('names presets back from colours', () => {
    expect(presetOf(presetColour('print-red'))).toBe('print-red');
    expect(presetOf({ rgb: '#e60012' })).toBe('print-red');
    expect(presetOf({ rgb: '#E60012', cmyk: [0, 90, 100, 0] })).toBeUndefined();
    expect(presetOf(hexColour('#123456'))).toBeUndefined();
  });
});

describe('hit-testing', () => {
  it('finds the topmost element under a point in mm', () => {
    const poster = template('poster-50x70-photo');
    expect(elementAt(poster, 100, 100)?.id).toBe('photo'); // the image lies over its placeholder
    expect(elementAt(poster, 250, 400)?.id).toBe('slogan');
    expect(elementAt(poster, 10, 345)?.id).toBe('band');
    expect(elementAt(poster, -10, -10)).toBeUndefined(); // outside the page, bleed and all
  });
});

describe('images', () => {
  const poster = template('poster-50x70-photo') as StudioDesign;
  const ref = (over: Partial<AssetRef> = {}): AssetRef => ({
    mime: 'image/png',
    sha256: 'a'.repeat(64),
    name: '现场.png',
    bytes: 1000,
    widthPx: 2000,
    heightPx: 1500,
    ...over,
  });

  it('puts an image the main side holds into an image element, by reference, replacing the previous one', () => {
    const one = placeImage(poster, 'photo', ref());
    valid(one);
    expect(StudioDesignSchema.safeParse(one).success).toBe(true);
    expect(findElement(one, 'photo')).toMatchObject({ type: 'image', asset: 'image-1' });
    expect(imageAsset(one, 'photo')?.name).toBe('现场.png');
    expect(poster.assets).toEqual({});

    const two = placeImage(one, 'photo', ref({ sha256: 'b'.repeat(64), mime: 'image/jpeg', bytes: 3000 }));
    expect(Object.keys(two.assets)).toEqual(['image-2']);
    expect(two.assets['image-2']!.mime).toBe('image/jpeg');
    expect(imageBytes(two)).toBe(3000);
  });

  it('removes an image and its reference', () => {
    const off = removeImage(placeImage(poster, 'photo', ref()), 'photo');
    valid(off);
    expect(findElement(off, 'photo')).not.toHaveProperty('asset');
    expect(off.assets).toEqual({});
  });

  it('refuses an image slot for other elements, and leaves the design as it was', () => {
    expect(() => placeImage(poster, 'slogan', ref())).toThrow(/不是图片/);
    expect(poster.assets).toEqual({});
  });

  it('refuses an image that would make the design file too big to save', () => {
    // Five photos of 45 MB: each under the 50 MB limit, together over the 300 MB file in base64.
    let d = poster;
    for (let i = 0; i < 4; i++) {
      d = { ...d, assets: { ...d.assets, [`x${i}`]: ref({ sha256: String(i).repeat(64), bytes: 45 * 2 ** 20 }) } };
    }
    expect(() => placeImage(d, 'photo', ref({ name: '航拍.png', bytes: 45 * 2 ** 20 }))).toThrow(
      /放入「航拍\.png」.*设计文件会超过 300\.0 MB/,
    );
  });

  it('refuses files before reading them: SVG by name or type, empty, over the limit', () => {
    expect(refuseImageFile({ name: 'a.svg', size: 10, type: '' })).toMatch(/「a\.svg」是 SVG/);
    expect(refuseImageFile({ name: 'a', size: 10, type: 'image/svg+xml' })).toMatch(/SVG/);
    expect(refuseImageFile({ name: 'a.png', size: 0, type: 'image/png' })).toMatch(/空文件/);
    expect(refuseImageFile({ name: '大图.jpg', size: MAX_ASSET_BYTES + 1, type: 'image/jpeg' })).toMatch(
      /「大图\.jpg」有 50\.0 MB，超过 50\.0 MB/,
    );
    expect(refuseImageFile({ name: 'ok.jpg', size: 30 * 1024 * 1024, type: 'image/jpeg' })).toBeUndefined();
  });
});

describe('slots', () => {
  const banner = template('banner-red-600x70');

  it("sets a text or QR element's content, and refuses it elsewhere", () => {
    const poster = template('poster-50x70-photo');
    expect(contentOf(setContent(banner, 'slogan', '乌鸡土鸡大公鸡、听说转账就挂机'), 'slogan')).toBe(
      '乌鸡土鸡大公鸡、听说转账就挂机',
    );
    expect(contentOf(setContent(poster, 'qr', 'https://example.cn/'), 'qr')).toBe('https://example.cn/');
    expect(() => setContent(poster, 'photo', 'x')).toThrow(/不能填写文字/);
  });

  it('finds a slot by name, or lists the slots there are', () => {
    expect(slotElement(banner, 'slogan').id).toBe('slogan');
    expect(() => slotElement(banner, 'nope')).toThrow(StudioError);
    try {
      slotElement(banner, 'nope');
    } catch (e) {
      expect((e as StudioError).details[0]).toMatch(/可用槽位：.*slogan（标语）/);
    }
  });
});

describe("no zod in the editor's edits", () => {
  it('design/edit.ts imports nothing with zod at run time (the page runs it on every keystroke)', () => {
    const src = readFileSync(resolve(ROOT, 'main/core/design/edit.ts'), 'utf8');
    const runtime = src.split('\n').filter((l) => /^import (?!type)/.test(l));
    expect(runtime.join('\n')).not.toMatch(/zod|index\.js|design\.js'|elements\.js|assets\.js/);
  });
});
