import type { Design } from './design.js';
import { elementBounds } from './edit.js';
import type { Rect } from './geometry.js';

/*
 * Smart guides: while an element is dragged or resized on the canvas, its edges and centre snap
 * to the page's trim, centre, safe area and bleed and to the other elements' edges and centres,
 * and the lines it snapped to are shown. Runs in the page on every pointer move: pure and cheap.
 */

/** A line something may snap to: `at` on its axis, drawn from `from` to `to` on the other. */
export interface SnapLine {
  at: number;
  from: number;
  to: number;
}

export interface SnapTargets {
  /** Vertical lines (x = at). */
  x: SnapLine[];
  /** Horizontal lines (y = at). */
  y: SnapLine[];
}

/** A guide to draw: a vertical (axis x) or horizontal (axis y) line, in mm. */
export interface Guide {
  axis: 'x' | 'y';
  at: number;
  from: number;
  to: number;
}

/** Which of a rectangle's lines may snap on an axis: its start (left/top), middle or end. */
export type SnapEdge = 'start' | 'mid' | 'end';

/** Everything on the page that a moving element may snap to, leaving out the ones moving. */
export function snapTargets(design: Pick<Design, 'elements' | 'format'>, moving: ReadonlySet<string>): SnapTargets {
  const { widthMm: w, heightMm: h, safeMm: s, bleedMm: b } = design.format;
  const x: SnapLine[] = [];
  const y: SnapLine[] = [];
  const frame = (r: Rect, mids: boolean) => {
    for (const at of mids ? [r.x, r.x + r.w / 2, r.x + r.w] : [r.x, r.x + r.w])
      x.push({ at, from: r.y, to: r.y + r.h });
    for (const at of mids ? [r.y, r.y + r.h / 2, r.y + r.h] : [r.y, r.y + r.h])
      y.push({ at, from: r.x, to: r.x + r.w });
  };
  frame({ x: 0, y: 0, w, h }, true);
  if (s > 0) frame({ x: s, y: s, w: w - 2 * s, h: h - 2 * s }, false);
  if (b > 0) frame({ x: -b, y: -b, w: w + 2 * b, h: h + 2 * b }, false);
  for (const el of design.elements) if (!moving.has(el.id) && !el.hidden) frame(elementBounds(el), true);
  return { x, y };
}

const LINES: Record<SnapEdge, (start: number, len: number) => number> = {
  start: (s) => s,
  mid: (s, l) => s + l / 2,
  end: (s, l) => s + l,
};

function snapAxis(
  start: number,
  len: number,
  edges: readonly SnapEdge[],
  lines: readonly SnapLine[],
  tol: number,
): { d: number; line?: SnapLine } {
  let best: { d: number; line?: SnapLine } = { d: 0 };
  let dist = tol;
  for (const e of edges) {
    const v = LINES[e](start, len);
    for (const line of lines) {
      const d = line.at - v;
      if (Math.abs(d) <= dist) {
        dist = Math.abs(d);
        best = { d, line };
      }
    }
  }
  return best;
}

/**
 * Snaps a rectangle (an element's bounds where the drag has put it) within `tol` mm: returns the
 * shift that brings its nearest line onto a target on each axis and the guides to show.
 * `edges` says which of its lines may snap (all three when it moves; the dragged edge when resized).
 */
export function snapRect(
  r: Rect,
  targets: SnapTargets,
  tol: number,
  edges: { x: readonly SnapEdge[]; y: readonly SnapEdge[] } = {
    x: ['start', 'mid', 'end'],
    y: ['start', 'mid', 'end'],
  },
): { dx: number; dy: number; guides: Guide[] } {
  const sx = snapAxis(r.x, r.w, edges.x, targets.x, tol);
  const sy = snapAxis(r.y, r.h, edges.y, targets.y, tol);
  const guides: Guide[] = [];
  const at = { x: r.x + sx.d, y: r.y + sy.d };
  if (sx.line)
    guides.push({
      axis: 'x',
      at: sx.line.at,
      from: Math.min(sx.line.from, at.y),
      to: Math.max(sx.line.to, at.y + r.h),
    });
  if (sy.line)
    guides.push({
      axis: 'y',
      at: sy.line.at,
      from: Math.min(sy.line.from, at.x),
      to: Math.max(sy.line.to, at.x + r.w),
    });
  return { dx: sx.d, dy: sy.d, guides };
}
