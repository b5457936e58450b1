import { describe, expect, it } from 'vitest';
import { StudioDesignSchema, type Element, type StudioDesign } from '../../main/core/index.js';
import { studioTemplate, valid } from '../helpers/studio-designs.js';
import {
  alignElements,
  distributeElements,
  elementAt,
  elementBounds,
  findElement,
  moveElements,
  moveLayer,
  normaliseDeg,
  reorderElements,
  rotateElement,
  setElementBox,
  setHidden,
  setLineEnds,
  contentOf,
  setContent,
  setLocked,
} from '../../main/core/design/edit.js';

/* The canvas's arranging operations (issue #15): pure, one new design per step, locks respected. */

const box = (d: StudioDesign, id: string) => (findElement(d, id) as Extract<Element, { box: unknown }>).box;

describe('move, resize, rotate', () => {
  const poster = studioTemplate('poster-50x70-photo');

  it('moves elements by millimetres, leaving the original untouched', () => {
    const before = JSON.stringify(poster);
    const d = moveElements(poster, ['slogan', 'qr'], 12.5, -4);
    valid(d);
    expect(JSON.stringify(poster)).toBe(before);
    expect(box(d, 'slogan')).toMatchObject({ x: 48.5, y: 380 });
    expect(box(d, 'qr')).toMatchObject({ x: 390.5, y: 566 });
    expect(moveElements(poster, ['slogan'], 0, 0)).toBe(poster);
  });

  it('resizes to at least 1 mm and maps a line into its new span', () => {
    const d = setElementBox(poster, 'slogan', { x: 10, y: 20, w: 0.2, h: 300 });
    expect(box(d, 'slogan')).toEqual({ x: 10, y: 20, w: 1, h: 300 });
    const withLine = StudioDesignSchema.parse({
      ...poster,
      elements: [
        ...poster.elements,
        {
          id: 'rule',
          type: 'line',
          from: { x: 10, y: 50 },
          to: { x: 110, y: 50 },
          stroke: { colour: 'black', widthMm: 1 },
        },
      ],
    }) as StudioDesign;
    const l = findElement(setElementBox(withLine, 'rule', { x: 20, y: 60, w: 200, h: 4 }), 'rule');
    expect(l).toMatchObject({ from: { x: 20, y: 62 }, to: { x: 220, y: 62 } });
    const ends = findElement(setLineEnds(withLine, 'rule', { x: 0, y: 0 }, { x: 30, y: 40 }), 'rule');
    expect(ends).toMatchObject({ from: { x: 0, y: 0 }, to: { x: 30, y: 40 } });
  });

  it('rotates about the centre, normalised, 0 removing the field; hit-testing follows the turn', () => {
    expect(normaliseDeg(370)).toBe(10);
    expect(normaliseDeg(-190)).toBe(170);
    expect(normaliseDeg(180)).toBe(180);
    const d = rotateElement(poster, 'qr', 405);
    valid(d);
    expect(findElement(d, 'qr')).toMatchObject({ rotation: 45 });
    expect(findElement(rotateElement(d, 'qr', 0), 'qr')).not.toHaveProperty('rotation');
    // A 94 mm square turned 45°: its bounds grow to 94·√2, and a point beyond the corner of the
    // upright square but inside the diamond's tip hits it.
    const b = elementBounds(findElement(d, 'qr')!);
    expect(b.w).toBeCloseTo(94 * Math.SQRT2, 3);
    expect(elementAt(d, 425, 570 + 47 - 60)?.id).toBe('qr');
    expect(elementAt(poster, 378 + 2, 570 + 2)?.id).toBe('qr');
    expect(elementAt(d, 378 + 2, 570 + 2)?.id).not.toBe('qr');
  });

  it('refuses to move, resize, turn or delete a locked element, naming it in Chinese', () => {
    const locked = setLocked(poster, ['hotline'], true);
    expect(findElement(locked, 'hotline')).toMatchObject({ locked: true });
    expect(() => moveElements(locked, ['hotline', 'slogan'], 1, 1)).toThrow(
      /「反诈专线」已锁定，不能移动：请先在“图层”中点锁形按钮解锁/,
    );
    expect(() => setElementBox(locked, 'hotline', { x: 0, y: 0, w: 10, h: 10 })).toThrow(/不能调整大小/);
    expect(() => rotateElement(locked, 'hotline', 5)).toThrow(/不能旋转/);
    const unlocked = setLocked(locked, ['hotline'], false);
    expect(findElement(unlocked, 'hotline')).not.toHaveProperty('locked');
    expect(box(moveElements(unlocked, ['hotline'], 1, 0), 'hotline').x).toBe(31);
  });

  it('hides and shows: hidden elements are not hit', () => {
    const hidden = setHidden(poster, ['qr'], true);
    valid(hidden);
    expect(elementAt(hidden, 420, 600)?.id).not.toBe('qr');
    expect(findElement(setHidden(hidden, ['qr'], false), 'qr')).not.toHaveProperty('hidden');
  });
});

describe('align, distribute, order', () => {
  // The hotline is locked by the template (below): these steps arrange it, so it is unlocked first.
  const poster = setLocked(studioTemplate('poster-50x70-photo'), ['hotline'], false);

  it('aligns several to their common bounds and one to the page', () => {
    const d = alignElements(poster, ['date', 'location', 'hotline'], 'right');
    const rights = ['date', 'location', 'hotline'].map((id) => box(d, id).x + box(d, id).w);
    expect(new Set(rights.map((r) => r.toFixed(3))).size).toBe(1);
    expect(rights[0]).toBeCloseTo(350, 3);
    const c = alignElements(poster, ['qr'], 'hcentre');
    expect(box(c, 'qr').x + 47).toBeCloseTo(250, 3);
    const top = alignElements(poster, ['qr'], 'top');
    expect(box(top, 'qr').y).toBe(0);
  });

  it('distributes three or more evenly between the outermost', () => {
    const d = distributeElements(
      moveElements(poster, ['location'], 0, 10),
      ['date-pill', 'location-pill', 'hotline'],
      'v',
    );
    const ys = ['date-pill', 'location-pill', 'hotline'].map((id) => box(d, id));
    expect(ys[1]!.y - (ys[0]!.y + ys[0]!.h)).toBeCloseTo(ys[2]!.y - (ys[1]!.y + ys[1]!.h), 3);
    expect(distributeElements(poster, ['qr', 'slogan'], 'h')).toBe(poster);
  });

  it('changes the drawing order: front, back, one step, and to a place', () => {
    const ids = (d: StudioDesign) => d.elements.map((e) => e.id);
    expect(ids(reorderElements(poster, ['band'], 'front')).at(-1)).toBe('band');
    expect(ids(reorderElements(poster, ['qr'], 'back'))[0]).toBe('qr');
    const i = ids(poster).indexOf('slogan');
    expect(ids(reorderElements(poster, ['slogan'], 'forward')).indexOf('slogan')).toBe(i + 1);
    expect(ids(reorderElements(poster, ['slogan'], 'backward')).indexOf('slogan')).toBe(i - 1);
    expect(ids(moveLayer(poster, 'qr', 0))[0]).toBe('qr');
    valid(moveLayer(poster, 'qr', 0));
  });
});

describe('template locks (issue #15 §4)', () => {
  it('keeps every template’s hotline and unit name where the designer put them until unlocked', () => {
    for (const id of ['poster-a2-red', 'poster-50x70-photo', 'sticker-round-blue-40']) {
      const d = studioTemplate(id);
      const bound = d.elements.filter((e) =>
        ['hotline', 'unit.full', 'unit.short'].includes(('bind' in e && e.bind) || ''),
      );
      expect(bound.length, id).toBeGreaterThan(0);
      for (const e of bound) {
        expect(e.locked, `${id} ${e.id}`).toBe(true);
        expect(() => moveElements(d, [e.id], 5, 0)).toThrow(/已锁定，不能移动/);
        // Its words still change: a lock holds the place, not the content.
        if (e.type === 'text') expect(contentOf(setContent(d, e.id, '96110'), e.id)).toBe('96110');
        const free = setLocked(d, [e.id], false);
        expect(box(moveElements(free, [e.id], 5, 0), e.id).x).toBeCloseTo((e as { box: { x: number } }).box.x + 5, 6);
      }
    }
  });
});
