import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DesignSchema,
  MAX_ASSET_BYTES,
  StudioError,
  TemplateSchema,
  designFromTemplate,
  type Design,
} from '../../main/core/index.js';
import {
  elementAt,
  embedImage,
  embeddedBytes,
  findElement,
  hexColour,
  imageAsset,
  patchElement,
  presetColour,
  presetOf,
  refuseImageFile,
  removeImage,
  sniffImage,
} from '../../renderer/src/data/design-edit.js';

const ROOT = resolve(import.meta.dirname, '../..');
function template(id: string): Design {
  return designFromTemplate(
    TemplateSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'templates/designs', `${id}.json`), 'utf8'))),
  );
}
/** A valid 2×2 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const JPEG = btoa('\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01rest');
const WEBP = btoa('RIFF\x10\x00\x00\x00WEBPVP8 rest');
const SVG = btoa('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
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

  it('refuses values the schema refuses, with the element named in Chinese', () => {
    expect(() => patchElement(banner, 'slogan', 'text', { size: { mode: 'fit', minMm: 400, maxMm: 100 } })).toThrow(
      /「标语」：最小字号不能大于最大字号/,
    );
    expect(() => patchElement(banner, 'slogan', 'text', { size: { mode: 'fixed', mm: 0 } })).toThrow(StudioError);
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
    expect(elementAt(poster, 5, 5)).toBeUndefined();
  });
});

describe('images', () => {
  const poster = template('poster-50x70-photo');

  it('knows formats by their bytes', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(WEBP)).toBe('image/webp');
    expect(sniffImage(SVG)).toBe('svg');
    expect(sniffImage(btoa('%PDF-1.7'))).toBeUndefined();
  });

  it('embeds an image as an asset of the design and replaces the previous one', () => {
    const one = embedImage(poster, 'photo', { name: '现场.png', data: PNG });
    valid(one);
    const el = findElement(one, 'photo');
    expect(el).toMatchObject({ type: 'image', asset: 'image-1' });
    expect(one.assets['image-1']).toEqual({ mime: 'image/png', data: PNG, name: '现场.png' });
    expect(imageAsset(one, 'photo')?.name).toBe('现场.png');
    expect(poster.assets).toEqual({});

    const two = embedImage(one, 'photo', { name: 'b.jpg', data: JPEG });
    valid(two);
    expect(Object.keys(two.assets)).toEqual(['image-2']);
    expect(two.assets['image-2']!.mime).toBe('image/jpeg');
    expect(embeddedBytes(two)).toBe(atob(JPEG).length);
  });

  it('removes an image and its bytes', () => {
    const off = removeImage(embedImage(poster, 'photo', { name: 'a.png', data: PNG }), 'photo');
    valid(off);
    expect(findElement(off, 'photo')).not.toHaveProperty('asset');
    expect(off.assets).toEqual({});
  });

  it('refuses SVG and non-images, naming the file, and leaves the design as it was', () => {
    expect(() => embedImage(poster, 'photo', { name: 'logo.svg', data: SVG })).toThrow(/「logo\.svg」是 SVG/);
    expect(() => embedImage(poster, 'photo', { name: '通知.pdf', data: btoa('%PDF-1.7 rest') })).toThrow(
      /「通知\.pdf」不是 PNG、JPEG 或 WebP/,
    );
    expect(() => embedImage(poster, 'slogan', { name: 'a.png', data: PNG })).toThrow(/不是图片/);
    expect(poster.assets).toEqual({});
  });

  it('refuses an image that would make the design file too big to save', () => {
    // 49.5 MB: under the 50 MB image limit, but 66 M characters of base64 are over the 64 MB file.
    const big = PNG.slice(0, 12) + 'A'.repeat(66 * 1024 * 1024);
    expect(() => embedImage(poster, 'photo', { name: '航拍.png', data: big })).toThrow(
      /放入「航拍\.png」.*设计文件会超过 64\.0 MB/,
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
