import { describe, expect, it } from 'vitest';
import {
  addImage,
  cropZoom,
  findElement,
  panPhoto,
  resetCrop,
  setBackground,
  setBackgroundImage,
  setIllustration,
  shownCrop,
  snapRect,
  snapTargets,
  zoomPhoto,
} from '../../main/core/design/edit.js';
import { colourWord, elementName, elementNames } from '../../main/core/design/names.js';
import type { ImageElement } from '../../main/core/index.js';
import { listTemplates } from '../../main/engine/templates.js';
import { ref, studioTemplate, valid } from '../helpers/studio-designs.js';

/* Photo crop and pan, backgrounds, illustrations, names and smart guides (issue #15 §1, §3, §4). */

describe('a photo in its frame', () => {
  const poster = studioTemplate('poster-50x70-photo');
  // A 4000×3000 photo in the 440×284 mm frame: the frame is wider, so the photo's height is cut.
  const placed = addImage(poster, ref(), { at: { x: 250, y: 172 } });
  const photo = (d: typeof poster) => findElement(d, placed.id) as ImageElement;
  const px = { w: 4000, h: 3000 };

  it('shows as much of the photo as fits the frame at zoom 1', () => {
    const el = { ...photo(placed.design), box: { x: 0, y: 0, w: 440, h: 284 } };
    const c = shownCrop(el, px);
    expect(c.w).toBe(1);
    expect((c.w * 4000) / (c.h * 3000)).toBeCloseTo(440 / 284, 6);
    expect(c.y).toBeCloseTo((1 - c.h) / 2, 6);
  });

  it('zooms about the middle and pans with the pointer, never past the photo edges', () => {
    const z = zoomPhoto(placed.design, placed.id, 2);
    valid(z);
    expect(cropZoom(photo(z), px)).toBeCloseTo(2, 6);
    const before = shownCrop(photo(z), px);
    const el = photo(z);
    // Dragging the picture right by a tenth of the frame shows more of its left side.
    const p = panPhoto(z, placed.id, el.box.w / 10, 0);
    const after = shownCrop(photo(p), px);
    expect(after.x).toBeCloseTo(before.x - before.w / 10, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
    const far = shownCrop(photo(panPhoto(z, placed.id, -100_000, -100_000)), px);
    expect(far.x + far.w).toBeCloseTo(1, 6);
    expect(far.y + far.h).toBeCloseTo(1, 6);
    expect(photo(resetCrop(p, placed.id))).not.toHaveProperty('crop');
    expect(() => panPhoto(poster, 'photo', 1, 1)).toThrow(/还没有照片/);
  });
});

describe('background and illustrations', () => {
  const banner = studioTemplate('banner-red-600x70');

  it('sets a colour, a gradient, an image (by reference) and drops the image with it', () => {
    const g = setBackground(banner, {
      type: 'linear-gradient',
      angleDeg: 90,
      stops: [
        { offset: 0, colour: { rgb: '#C00000' } },
        { offset: 1, colour: { rgb: '#FFE600' } },
      ],
    });
    valid(g);
    const img = setBackgroundImage(g, ref());
    valid(img);
    expect(img.background).toMatchObject({ type: 'image', fit: 'cover' });
    expect(Object.keys(img.assets)).toHaveLength(1);
    const back = setBackground(img, { type: 'colour', colour: { rgb: '#FFFFFF' } });
    expect(back.assets).toEqual({});
  });

  it('a picture chosen by hand stops following the slogan', () => {
    const fresh = studioTemplate('tag-hanging-70x100-fresh');
    const follower = fresh.elements.find((e) => e.type === 'illustration' && e.follow)!;
    const d = setIllustration(fresh, follower.id, 'chicken');
    valid(d);
    expect(findElement(d, follower.id)).toMatchObject({ illustration: 'chicken' });
    expect(findElement(d, follower.id)).not.toHaveProperty('follow');
  });
});

describe('names a user reads', () => {
  it('are Chinese and meaningful for every element of every template, and unique', () => {
    for (const { id } of listTemplates()) {
      const d = studioTemplate(id);
      const names = elementNames(d);
      expect(new Set(names.values()).size, id).toBe(d.elements.length);
      for (const [el, name] of names) {
        expect(name, `${id}/${el}`).toMatch(/\p{Script=Han}/u);
        expect(name, `${id}/${el}`).not.toMatch(/[a-z]{3,}-|placeholder|card\b/);
      }
    }
    const poster = studioTemplate('poster-50x70-photo');
    const n = elementNames(poster);
    expect(n.get('photo')).toBe('现场照片');
    expect(n.get('band-edge')).toBe('色带花边');
    expect(n.get('slogan')).toBe('标语');
    expect(n.get('date-pill')).toBe('日期底块');
    expect(n.get('photo-hint')).toMatch(/^文字“/);
  });

  it('say shapes by colour and kind, ids by their words, pictures by their names', () => {
    expect(colourWord({ rgb: '#C00000' })).toBe('红');
    expect(colourWord({ rgb: '#0B3D91' })).toBe('蓝');
    expect(colourWord({ rgb: '#FFE600' })).toBe('黄');
    expect(colourWord({ rgb: '#FFFFFF' })).toBe('白');
    const rect = {
      id: 'x9',
      type: 'rect',
      box: { x: 0, y: 0, w: 10, h: 10 },
      radiusMm: 0,
      fill: { rgb: '#C00000' },
    } as const;
    expect(elementName(rect)).toBe('红色矩形');
    expect(elementName({ ...rect, id: 'tip-1-card' })).toBe('提示 1 卡片');
    const pic = {
      id: 'p',
      type: 'illustration',
      box: rect.box,
      illustration: 'fish',
      opacity: 1,
      flip: false,
    } as const;
    expect(elementName(pic, { illustrationName: () => '鱼' })).toBe('插图“鱼”');
    const burst = {
      id: 'x7',
      type: 'shape',
      shape: 'burst',
      box: rect.box,
      radiusMm: 0,
      rotateDeg: 0,
      opacity: 1,
      fill: { rgb: '#FFE600' },
    } as const;
    expect(elementName(burst)).toBe('黄色爆炸贴');
    expect(elementName({ ...burst, shape: 'custom', path: 'M0 0 L100 0 L50 100 Z', fill: undefined })).toBe('形状');
  });
});

describe('smart guides', () => {
  const poster = studioTemplate('poster-50x70-photo');

  it('snap a moving box to the page centre and to another element within the tolerance, with guides', () => {
    const targets = snapTargets(poster, new Set(['qr']));
    // The QR code's centre 1.5 mm right of the page centre: it snaps onto it.
    const r = snapRect({ x: 250 - 49 + 1.5, y: 400, w: 98, h: 98 }, targets, 3);
    expect(r.dx).toBeCloseTo(-1.5, 6);
    expect(r.guides).toContainEqual(expect.objectContaining({ axis: 'x', at: 250 }));
    // Its top 2 mm below the slogan's top edge: it snaps to it.
    const s = snapRect({ x: 100.3, y: 352, w: 98, h: 98 }, targets, 3);
    expect(s.dy).toBeCloseTo(-2, 6);
    // Beyond the tolerance nothing moves.
    expect(snapRect({ x: 100.3, y: 452.7, w: 98, h: 98 }, targets, 0.1)).toMatchObject({ dx: 0, dy: 0, guides: [] });
    // Resizing the right edge snaps only that edge, here to the trim.
    const e = snapRect({ x: 100, y: 100, w: 398.8, h: 50 }, targets, 2, { x: ['end'], y: [] });
    expect(e.dx).toBeCloseTo(500 - 498.8, 6);
  });
});
