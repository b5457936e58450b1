import { StudioError } from '../errors.js';
import type { Design } from './design.js';
import type { Box, Element } from './elements.js';
import { elementBounds, findElement, withElements } from './edit.js';
import { turnPoint, unionRect, type Point } from './geometry.js';
import { elementName } from './names.js';

/*
 * Arranging elements on the page, for the editor's canvas and layers panel: move, resize, rotate,
 * align, distribute, stacking order, lock and hide. Pure and zod-free like edit.ts: each takes a
 * design and returns a new one (one undo step), and refuses what a locked element forbids with a
 * Chinese message naming it.
 */

/** Smallest side an element is resized to, mm. */
export const MIN_SIDE_MM = 1;

const round = (v: number): number => Math.round(v * 1000) / 1000;
const roundBox = (b: Box): Box => ({ x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) });

function elementsOf(design: Pick<Design, 'elements'>, ids: readonly string[]): Element[] {
  return ids.map((id) => {
    const el = findElement(design, id);
    if (!el) throw new StudioError('invalid-input', `设计中没有这个元素（${id}），请重新选择`);
    return el;
  });
}

/** Refuses an edit of locked elements, naming them and saying how to unlock. */
export function refuseLocked(design: Pick<Design, 'elements'>, ids: readonly string[], what = '移动'): void {
  const locked = elementsOf(design, ids).filter((e) => e.locked);
  if (locked.length)
    throw new StudioError(
      'invalid-input',
      `${locked.map((e) => `「${elementName(e)}」`).join('')}已锁定，不能${what}：请先在“图层”中点锁形按钮解锁`,
    );
}

function mapElements<D extends Design>(design: D, ids: readonly string[], f: (el: Element) => Element): D {
  const set = new Set(ids);
  return withElements(
    design,
    design.elements.map((e) => (set.has(e.id) ? f(e) : e)),
  );
}

const moved = (el: Element, dx: number, dy: number): Element =>
  el.type === 'line'
    ? {
        ...el,
        from: { x: round(el.from.x + dx), y: round(el.from.y + dy) },
        to: { x: round(el.to.x + dx), y: round(el.to.y + dy) },
      }
    : { ...el, box: roundBox({ ...el.box, x: el.box.x + dx, y: el.box.y + dy }) };

/** Moves elements by (dx, dy) mm. */
export function moveElements<D extends Design>(design: D, ids: readonly string[], dx: number, dy: number): D {
  if (!ids.length || (dx === 0 && dy === 0)) return design;
  refuseLocked(design, ids);
  return mapElements(design, ids, (el) => moved(el, dx, dy));
}

/**
 * Places an element in a new box (before its rotation). A line keeps its direction: its end
 * points are mapped from its old span to the new one.
 */
export function setElementBox<D extends Design>(design: D, id: string, box: Box): D {
  refuseLocked(design, [id], '调整大小');
  const b = roundBox({ ...box, w: Math.max(MIN_SIDE_MM, box.w), h: Math.max(MIN_SIDE_MM, box.h) });
  return mapElements(design, [id], (el) => {
    if (el.type !== 'line') return { ...el, box: b };
    const x0 = Math.min(el.from.x, el.to.x);
    const y0 = Math.min(el.from.y, el.to.y);
    const w = Math.abs(el.to.x - el.from.x);
    const h = Math.abs(el.to.y - el.from.y);
    const map = (p: Point): Point => ({
      x: round(w > 0 ? b.x + ((p.x - x0) / w) * b.w : b.x + b.w / 2),
      y: round(h > 0 ? b.y + ((p.y - y0) / h) * b.h : b.y + b.h / 2),
    });
    return { ...el, from: map(el.from), to: map(el.to) };
  });
}

/** A line's two ends (its handles on the canvas). */
export function setLineEnds<D extends Design>(design: D, id: string, from: Point, to: Point): D {
  refuseLocked(design, [id], '调整');
  return mapElements(design, [id], (el) =>
    el.type === 'line'
      ? { ...el, from: { x: round(from.x), y: round(from.y) }, to: { x: round(to.x), y: round(to.y) } }
      : el,
  );
}

/** An angle as kept in the design: (-180, 180], 0 as no rotation at all. */
export function normaliseDeg(deg: number): number {
  let d = Math.round((((deg % 360) + 360) % 360) * 100) / 100;
  if (d > 180) d -= 360;
  return d;
}

/** Turns an element to `deg` (a line turns its ends about its middle instead). */
export function rotateElement<D extends Design>(design: D, id: string, deg: number): D {
  refuseLocked(design, [id], '旋转');
  const d = normaliseDeg(deg);
  return mapElements(design, [id], (el) => {
    if (el.type === 'line') {
      const c = { x: (el.from.x + el.to.x) / 2, y: (el.from.y + el.to.y) / 2 };
      const f = turnPoint(el.from, d, c);
      const t = turnPoint(el.to, d, c);
      return { ...el, from: { x: round(f.x), y: round(f.y) }, to: { x: round(t.x), y: round(t.y) } };
    }
    const { rotation: _r, ...rest } = el;
    return d === 0 ? rest : { ...rest, rotation: d };
  });
}

export type AlignEdge = 'left' | 'hcentre' | 'right' | 'top' | 'vcentre' | 'bottom';

/** How far a span [at, at+len] moves along one axis to meet [toAt, toAt+toLen] at the edge, if the edge is on this axis. */
function shiftTo(
  edge: AlignEdge,
  [start, middle, end]: readonly [AlignEdge, AlignEdge, AlignEdge],
  at: number,
  len: number,
  toAt: number,
  toLen: number,
): number {
  if (edge === start) return toAt - at;
  if (edge === end) return toAt + toLen - at - len;
  if (edge === middle) return toAt + toLen / 2 - (at + len / 2);
  return 0;
}

/**
 * Aligns elements' drawn bounds: with several, to the bounds of them all (as design tools do); a
 * single one to the page's trim.
 */
export function alignElements<D extends Design>(design: D, ids: readonly string[], edge: AlignEdge): D {
  if (!ids.length) return design;
  refuseLocked(design, ids);
  const els = elementsOf(design, ids);
  const page = { x: 0, y: 0, w: design.format.widthMm, h: design.format.heightMm };
  const to = els.length > 1 ? unionRect(els.map(elementBounds))! : page;
  let out = design;
  for (const el of els) {
    const b = elementBounds(el);
    const dx = shiftTo(edge, ['left', 'hcentre', 'right'], b.x, b.w, to.x, to.w);
    const dy = shiftTo(edge, ['top', 'vcentre', 'bottom'], b.y, b.h, to.y, to.h);
    if (Math.abs(dx) > 1e-6 || Math.abs(dy) > 1e-6) out = mapElements(out, [el.id], (e) => moved(e, dx, dy));
  }
  return out;
}

/** Spaces three or more elements evenly between the outermost two, across (h) or down (v). */
export function distributeElements<D extends Design>(design: D, ids: readonly string[], axis: 'h' | 'v'): D {
  if (ids.length < 3) return design;
  refuseLocked(design, ids);
  const key = axis === 'h' ? ('x' as const) : ('y' as const);
  const len = axis === 'h' ? ('w' as const) : ('h' as const);
  const items = elementsOf(design, ids)
    .map((el) => ({ el, b: elementBounds(el) }))
    .sort((p, q) => p.b[key] - q.b[key]);
  const first = items[0]!.b;
  const last = items.at(-1)!.b;
  const span = last[key] + last[len] - first[key];
  const gap = (span - items.reduce((s, it) => s + it.b[len], 0)) / (items.length - 1);
  let at = first[key];
  let out = design;
  for (const { el, b } of items) {
    const d = at - b[key];
    if (Math.abs(d) > 1e-6) out = mapElements(out, [el.id], (e) => (axis === 'h' ? moved(e, d, 0) : moved(e, 0, d)));
    at += b[len] + gap;
  }
  return out;
}

export type StackMove = 'front' | 'back' | 'forward' | 'backward';

/** Stacking order: to the front or back, or one step past the next element they overlap. */
export function reorderElements<D extends Design>(design: D, ids: readonly string[], how: StackMove): D {
  const set = new Set(ids);
  const els = design.elements;
  const chosen = els.filter((e) => set.has(e.id));
  const rest = els.filter((e) => !set.has(e.id));
  if (!chosen.length) return design;
  if (how === 'front') return withElements(design, [...rest, ...chosen]);
  if (how === 'back') return withElements(design, [...chosen, ...rest]);
  const list = [...els];
  const step = how === 'forward' ? 1 : -1;
  const order = how === 'forward' ? [...chosen].reverse() : chosen;
  for (const el of order) {
    const i = list.indexOf(el);
    const j = i + step;
    if (j < 0 || j >= list.length || set.has(list[j]!.id)) continue;
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return withElements(design, list);
}

/** Puts one element at a position of the drawing order (0 = bottom), as the layers panel drags it. */
export function moveLayer<D extends Design>(design: D, id: string, index: number): D {
  const el = findElement(design, id);
  if (!el) return design;
  const rest = design.elements.filter((e) => e !== el);
  const i = Math.max(0, Math.min(rest.length, Math.round(index)));
  return withElements(design, [...rest.slice(0, i), el, ...rest.slice(i)]);
}

const flag = <D extends Design>(design: D, ids: readonly string[], key: 'locked' | 'hidden', on: boolean): D =>
  mapElements(design, ids, (el) => {
    const { [key]: _old, ...rest } = el;
    return (on ? { ...rest, [key]: true } : rest) as Element;
  });

/** Locks or unlocks elements (a locked element is not moved, resized, turned or deleted). */
export const setLocked = <D extends Design>(design: D, ids: readonly string[], locked: boolean): D =>
  flag(design, ids, 'locked', locked);

/** Hides or shows elements (a hidden element is in no output). */
export const setHidden = <D extends Design>(design: D, ids: readonly string[], hidden: boolean): D =>
  flag(design, ids, 'hidden', hidden);
