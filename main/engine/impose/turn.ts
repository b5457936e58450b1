import type { TrimPath } from '../scene/trim-shape.js';
import type { Placement } from './plan.js';

/*
 * A piece turned a quarter clockwise on the sheet (plan.ts `rotated`). Its point (u, v) — the
 * piece's mm, trim top-left origin, y down — lands at (x + h − v, y + u) on the sheet, h the
 * piece's trim height and (x, y) the top-left of its trim as it lies there: the piece's top edge
 * runs down the right side. The artwork (as one form), its cut line and its crop marks all go
 * through this one mapping, so they cannot disagree.
 */

/** [a, b, c, d, e, f] in the mm space, y down: x' = a·u + c·v + e, y' = b·u + d·v + f. */
export type Matrix = [number, number, number, number, number, number];

/** Where a piece of trim height `h` goes on the sheet. */
export function placementMatrix(p: Placement, h: number): Matrix {
  return p.rotated ? [0, 1, -1, 0, p.x + h, p.y] : [1, 0, 0, 1, p.x, p.y];
}

/** The outline of a piece of trim height `h`, turned as placementMatrix turns it (not moved). */
export function turnPath(p: TrimPath, h: number): TrimPath {
  if (p.kind === 'polygon') return { kind: 'polygon', points: p.points.map(([u, v]) => [h - v, u]) };
  if (p.kind === 'ellipse') return { kind: 'ellipse', cx: h - p.cy, cy: p.cx, rx: p.ry, ry: p.rx };
  return { kind: 'rect', x: h - p.y - p.h, y: p.x, w: p.h, h: p.w, r: p.r };
}
