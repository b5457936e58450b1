import { describe, expect, it } from 'vitest';
import { isPlaceholder, StudioDesignSchema, type StudioDesign } from '../../main/core/index.js';
import {
  addElement,
  addImage,
  copyElements,
  deleteElements,
  duplicateElements,
  findElement,
  isElementClip,
  NEW_TEXT,
  newElement,
  pasteElements,
  setContent,
  setLocked,
  uniqueId,
  type NewKind,
} from '../../main/core/design/edit.js';
import { ref, studioTemplate, valid } from '../helpers/studio-designs.js';

/* Adding and removing elements on the canvas (issue #15 §2). */

describe('new elements', () => {
  const banner = studioTemplate('banner-red-600x70');

  it('makes every kind valid, sized for the page and centred where asked', () => {
    const kinds: NewKind[] = ['text', 'rect', 'rounded', 'ellipse', 'circle', 'line', 'burst', 'qr', 'illustration'];
    let d = banner;
    for (const k of kinds)
      d = addElement(d, newElement(d, k, { at: { x: 1000, y: 350 }, illustration: 'leafy-green' }));
    valid(d);
    const added = d.elements.slice(banner.elements.length);
    expect(added.map((e) => e.id)).toEqual([
      'text',
      'rect',
      'shape',
      'ellipse',
      'shape-2',
      'line',
      'shape-3',
      'qr',
      'illustration',
    ]);
    const t = added[0]!;
    expect(t.type === 'text' && t.box.x + t.box.w / 2).toBeCloseTo(1000, 3);
    expect(findElement(d, 'shape')).toMatchObject({ type: 'rect' });
    expect((findElement(d, 'shape') as { radiusMm: number }).radiusMm).toBeGreaterThan(0);
    expect(findElement(d, 'illustration')).toMatchObject({ illustration: 'leafy-green' });
    expect(findElement(d, 'shape-3')).toMatchObject({ type: 'shape', shape: 'burst' });
  });

  it('a new text box and a new QR code are samples until filled, so they never print by mistake', () => {
    const t = newElement(banner, 'text');
    expect(t).toMatchObject({ text: NEW_TEXT, placeholder: NEW_TEXT });
    expect(isPlaceholder(t)).toBe(true);
    const d = setContent(addElement(banner, t), t.id, '反诈小铺');
    expect(isPlaceholder(findElement(d, t.id)!)).toBe(false);
    expect(isPlaceholder(newElement(banner, 'qr'))).toBe(true);
    expect(isPlaceholder(newElement(banner, 'qr', { qr: 'https://example.cn/app' }))).toBe(false);
  });

  it('rewriting a bound text by hand removes its binding, so a later profile fill keeps the words', () => {
    const poster = studioTemplate('poster-50x70-photo');
    expect(findElement(poster, 'unit')).toMatchObject({ bind: 'unit.full' });
    const d = setContent(poster, 'unit', '三明市公安局列东派出所');
    expect(findElement(d, 'unit')).not.toHaveProperty('bind');
    expect(findElement(d, 'unit')).not.toHaveProperty('placeholder');
  });

  it('ids stay unique and valid', () => {
    expect(uniqueId(banner, 'slogan')).toBe('slogan-2');
    expect(uniqueId(banner, '标语 1')).toBe('1');
    expect(uniqueId(banner, '')).toBe('el');
  });
});

describe('images, delete, duplicate, copy and paste', () => {
  const poster = studioTemplate('poster-50x70-photo');

  it('adds a picked photo by reference, fitted to its proportions, and the logo bound to the profile', () => {
    const a = addImage(poster, ref({ widthPx: 3000, heightPx: 1500 }), { at: { x: 250, y: 350 } });
    valid(a.design);
    const el = findElement(a.design, a.id);
    expect(el).toMatchObject({ type: 'image', fit: 'cover' });
    if (el?.type !== 'image') throw new Error('not an image');
    expect(el.box.w / el.box.h).toBeCloseTo(2, 5);
    expect(a.design.assets[el.asset!]!.sha256).toBe('a'.repeat(64));
    const logo = addImage(poster, ref(), { bind: 'logo', label: '单位标志' });
    expect(findElement(logo.design, logo.id)).toMatchObject({ bind: 'logo', label: '单位标志', fit: 'contain' });
    expect(() => addImage(poster, ref({ bytes: 260 * 1024 * 1024 }))).toThrow(/设计文件会超过/);
  });

  it('deletes elements and the images only they showed; a picture following a deleted text keeps its own', () => {
    const a = addImage(poster, ref());
    const gone = deleteElements(a.design, [a.id]);
    valid(gone);
    expect(Object.keys(gone.assets)).toEqual(Object.keys(poster.assets));
    const fresh = studioTemplate('tag-hanging-70x100-fresh');
    const follower = fresh.elements.find((e) => e.type === 'illustration' && e.follow)!;
    const followed = follower.type === 'illustration' ? follower.follow!.element : '';
    const d = deleteElements(fresh, [followed]);
    valid(d);
    expect(findElement(d, follower.id)).not.toHaveProperty('follow');
    expect(() => deleteElements(setLocked(poster, ['qr'], true), ['qr'])).toThrow(/不能删除/);
  });

  it('duplicates with new ids, offset, never taking a slot twice', () => {
    const { design, ids } = duplicateElements(poster, ['slogan', 'qr'], 5);
    valid(design);
    expect(ids).toEqual(['slogan-2', 'qr-2']);
    const copy = findElement(design, 'slogan-2')!;
    expect(copy).not.toHaveProperty('slot');
    expect(copy.type === 'text' && copy.box.x).toBe(41);
  });

  it('copies and pastes between designs, carrying images by reference under new asset ids', () => {
    const a = addImage(poster, ref(), { at: { x: 100, y: 100 } });
    const clip = JSON.parse(JSON.stringify(copyElements(a.design, [a.id, 'slogan'])));
    expect(isElementClip(clip)).toBe(true);
    expect(isElementClip({ kind: 'other' })).toBe(false);
    const banner = studioTemplate('banner-red-600x70');
    const pasted = pasteElements(banner, clip, 10, 10);
    valid(pasted.design);
    expect(pasted.ids).toHaveLength(2);
    const img = pasted.ids.map((id) => findElement(pasted.design, id)).find((e) => e?.type === 'image');
    if (img?.type !== 'image') throw new Error('not an image');
    expect(pasted.design.assets[img.asset!]?.sha256).toBe('a'.repeat(64));
    expect(StudioDesignSchema.safeParse(pasted.design).success).toBe(true);
  });

  it('a goods picture copied without its text becomes the picture it drew; with its text it keeps following', () => {
    const fresh = studioTemplate('tag-hanging-70x100-fresh');
    const follower = fresh.elements.find((e) => e.type === 'illustration' && e.follow)!;
    if (follower.type !== 'illustration') throw new Error('no follower');
    const text = follower.follow!.element;
    const drawn = new Map([[follower.id, 'leafy-green']]);
    const alone = copyElements(fresh, [follower.id], drawn).elements[0]!;
    expect(alone).toMatchObject({ id: follower.id, illustration: 'leafy-green' });
    expect(alone).not.toHaveProperty('follow');
    const both = copyElements(fresh, [follower.id, text], drawn).elements.find((e) => e.id === follower.id)!;
    expect(both).toMatchObject({ illustration: follower.illustration, follow: follower.follow });
    // Not yet previewed (nothing drawn known): the element as it is.
    expect(copyElements(fresh, [follower.id]).elements[0]).toEqual(follower);
    // The design copied from is not touched.
    expect(findElement(fresh, follower.id)).toEqual(follower);
  });

  it('refuses more than 500 elements', () => {
    const many = {
      ...poster,
      elements: Array.from({ length: 500 }, (_, i) => ({ ...poster.elements[0]!, id: `e${i}` })),
    };
    expect(() => addElement(many as StudioDesign, newElement(poster, 'rect'))).toThrow(/至多 500 个元素/);
  });
});
