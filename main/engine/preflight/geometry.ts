import { centreOf, turnedRect } from '../../core/design/geometry.js';
import type { Element } from '../../core/index.js';
import type { TextLayout } from '../layout/layout-text.js';

export type Rect = { x: number; y: number; w: number; h: number };

/** What an element actually occupies on the page: the laid-out text block, or the element's box (turned if it is). */
export function occupied(el: Element, text: Map<string, TextLayout>): Rect | null {
  if (el.type !== 'line' && el.rotation) {
    const r = upright(el, text);
    return r && turnedRect(r, el.rotation, centreOf(el.box));
  }
  return upright(el, text);
}

function upright(el: Element, text: Map<string, TextLayout>): Rect | null {
  if (el.type === 'text') return text.get(el.id)?.block ?? null;
  if (el.type === 'line') {
    const x = Math.min(el.from.x, el.to.x);
    const y = Math.min(el.from.y, el.to.y);
    return { x, y, w: Math.abs(el.to.x - el.from.x), h: Math.abs(el.to.y - el.from.y) };
  }
  return el.box;
}

/** How far (mm) a rectangle pokes out of another, on its worst side; 0 when inside. */
export function protrusion(r: Rect, inside: Rect): number {
  return Math.max(
    0,
    inside.x - r.x,
    inside.y - r.y,
    r.x + r.w - (inside.x + inside.w),
    r.y + r.h - (inside.y + inside.h),
  );
}

/**
 * Like protrusion, but a side that runs out to the trim edge or beyond is not counted: a photo
 * printed full-bleed is meant to be cut there. One that stops short of the edge, inside the margin,
 * is what gets cut badly.
 */
export function protrusionUnlessBleeding(r: Rect, inside: Rect, page: { w: number; h: number }): number {
  const e = 0.05;
  return Math.max(
    0,
    r.x <= e ? 0 : inside.x - r.x,
    r.y <= e ? 0 : inside.y - r.y,
    r.x + r.w >= page.w - e ? 0 : r.x + r.w - (inside.x + inside.w),
    r.y + r.h >= page.h - e ? 0 : r.y + r.h - (inside.y + inside.h),
  );
}
