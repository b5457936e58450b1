import type { StudioDesign } from '../../../main/core/design/design.js';
import { elementBounds, elementBox, type ElementClip } from '../../../main/core/design/edit.js';
import { unionRect, type Point, type Rect } from '../../../main/core/design/geometry.js';

/*
 * Where a paste lands. Copied elements keep their size (a print size in mm) and their places to
 * each other; the group stays where it was when that is on the page (a paste into the design it
 * came from, or into one at least as large). Otherwise — a 6 m banner's right end pasted into a
 * 50×70 cm poster — it is moved to the middle of what the canvas shows, kept inside the page when
 * it fits (a group larger than the page is centred on it). A paste never covers an earlier one
 * exactly: where the same elements already lie, it steps down and right until the place is free.
 */

/** A copy lands this far from its original: a fiftieth of the page's shorter side. */
export const copyOffset = (d: StudioDesign): number =>
  Math.max(1, Math.round(Math.min(d.format.widthMm, d.format.heightMm) / 50));

const EPS = 1e-6;
const same = (a: Rect, b: Rect, dx: number, dy: number) =>
  Math.abs(a.x - (b.x + dx)) < EPS &&
  Math.abs(a.y - (b.y + dy)) < EPS &&
  Math.abs(a.w - b.w) < EPS &&
  Math.abs(a.h - b.h) < EPS;

/** Along one axis: `lo..lo+size` moved so its middle is at `mid`, then into `0..page` when it fits. */
function onAxis(lo: number, size: number, mid: number, page: number): number {
  const to = size <= page ? Math.min(page - size, Math.max(0, mid - size / 2)) : (page - size) / 2;
  return to - lo;
}

/** The offset (mm) to paste `clip` into `design` by; `at` is the middle of what the canvas shows. */
export function pasteOffset(design: StudioDesign, clip: ElementClip, at?: Point): { dx: number; dy: number } {
  const group = unionRect(clip.elements.map(elementBounds));
  if (!group) return { dx: 0, dy: 0 };
  const { widthMm: w, heightMm: h, bleedMm: b } = design.format;
  const onPage =
    group.x >= -b - EPS && group.y >= -b - EPS && group.x + group.w <= w + b + EPS && group.y + group.h <= h + b + EPS;
  const mid = at ?? { x: w / 2, y: h / 2 };
  const base = onPage
    ? { dx: 0, dy: 0 }
    : { dx: onAxis(group.x, group.w, mid.x, w), dy: onAxis(group.y, group.h, mid.y, h) };
  const step = copyOffset(design);
  const boxes = design.elements.map((e) => ({ type: e.type, box: elementBox(e) }));
  const taken = (dx: number, dy: number) =>
    clip.elements.every((c) => {
      const box = elementBox(c);
      return boxes.some((e) => e.type === c.type && same(e.box, box, dx, dy));
    });
  let k = 0;
  while (k < 100 && taken(base.dx + k * step, base.dy + k * step)) k++;
  return { dx: base.dx + k * step, dy: base.dy + k * step };
}
