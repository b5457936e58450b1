import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  designFromTemplate,
  StudioDesignSchema,
  TemplateSchema,
  type StudioDesign,
} from '../../main/core/design/design.js';
import { copyElements, pasteElements, type ElementClip } from '../../main/core/design/edit.js';
import { copyOffset, pasteOffset } from '../../renderer/src/data/paste-place.js';

const ROOT = resolve(import.meta.dirname, '../..');
function template(id: string): StudioDesign {
  const t = TemplateSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'templates/designs', `${id}.json`), 'utf8')));
  return StudioDesignSchema.parse({ ...designFromTemplate(t), assets: {} });
}
type Boxed = { box: { x: number; y: number; w: number; h: number } };
const boxes = (d: StudioDesign, ids: string[]) =>
  ids.map((id) => (d.elements.find((e) => e.id === id) as unknown as Boxed).box);

/** Pastes `clip` as the editor does; the new elements' boxes. */
function paste(d: StudioDesign, clip: ElementClip, at?: { x: number; y: number }) {
  const { dx, dy } = pasteOffset(d, clip, at);
  const r = pasteElements(d, clip, dx, dy);
  return { design: r.design, boxes: boxes(r.design, r.ids) };
}

describe('where a paste lands', () => {
  const banner = template('banner-red-600x70');
  const poster = template('poster-50x70-photo');
  // The banner's right-hand goods: its seal and its picture, 5.4–5.9 m from the left.
  const goods = copyElements(banner, ['goods-2-seal', 'goods-2']);

  it('a group off a smaller page moves to the middle of the view, inside the page, keeping its layout', () => {
    const {
      boxes: [seal, pic],
    } = paste(poster, goods, { x: 250, y: 350 });
    expect(seal).toEqual({ x: 10, y: 110, w: 480, h: 480 });
    expect(pic!.x - seal!.x).toBeCloseTo(81.6, 9);
    expect(pic!.y - seal!.y).toBeCloseTo(81.6, 9);
    // The view's middle near the page's edge: still wholly inside.
    const edge = paste(poster, goods, { x: 490, y: 690 }).boxes[0]!;
    expect(edge).toEqual({ x: 20, y: 220, w: 480, h: 480 });
    // No view (the canvas not drawn yet): the page's middle.
    expect(paste(poster, goods).boxes[0]).toEqual({ x: 10, y: 110, w: 480, h: 480 });
  });

  it('a group wider than the page is centred on it across, and kept inside it down', () => {
    const slogan = copyElements(banner, ['slogan']);
    expect(paste(poster, slogan, { x: 100, y: 100 }).boxes[0]).toEqual({ x: -2050, y: 0, w: 4600, h: 520 });
  });

  it('a group that is on the page stays where it was (into a larger design); a second paste steps clear of the first', () => {
    const bigger = template('banner-red-300x70');
    const qr = copyElements(poster, ['qr', 'qr-label']);
    const once = paste(bigger, qr, { x: 1500, y: 350 });
    expect(once.boxes).toEqual(boxes(poster, ['qr', 'qr-label']));
    const step = copyOffset(bigger);
    expect(step).toBe(14);
    const twice = paste(once.design, qr, { x: 1500, y: 350 });
    expect(twice.boxes[0]).toEqual({ ...once.boxes[0]!, x: once.boxes[0]!.x + step, y: once.boxes[0]!.y + step });
    const thrice = paste(twice.design, qr).boxes[0]!;
    expect(thrice.x - once.boxes[0]!.x).toBe(2 * step);
  });

  it('within its own design a copy lands a step from its original, then a step from that', () => {
    const qr = copyElements(poster, ['qr']);
    const step = copyOffset(poster);
    const once = paste(poster, qr);
    expect(once.boxes[0]).toEqual({ x: 378 + step, y: 570 + step, w: 94, h: 94 });
    expect(paste(once.design, qr).boxes[0]).toEqual({ x: 378 + 2 * step, y: 570 + 2 * step, w: 94, h: 94 });
  });
});
