/*
 * Plane geometry in mm (y down, as on the page) shared by the engine (rotated items, culling) and
 * the editor (hit-testing, handles, snapping). Zod-free: the page uses it on every pointer move.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** `p` turned by `deg` (clockwise on the page) about `c`. */
export function turnPoint(p: Point, deg: number, c: Point): Point {
  if (!deg) return p;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  return { x: c.x + dx * cos - dy * sin, y: c.y + dx * sin + dy * cos };
}

export const centreOf = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** The four corners of `r` turned by `deg` about `c` (default its centre), clockwise from top-left. */
export function turnedCorners(r: Rect, deg: number, c: Point = centreOf(r)): Point[] {
  const corners = [
    { x: r.x, y: r.y },
    { x: r.x + r.w, y: r.y },
    { x: r.x + r.w, y: r.y + r.h },
    { x: r.x, y: r.y + r.h },
  ];
  return deg ? corners.map((p) => turnPoint(p, deg, c)) : corners;
}

/** The upright rectangle around `r` turned by `deg` about `c` (default its centre). */
export function turnedRect(r: Rect, deg: number | undefined, c: Point = centreOf(r)): Rect {
  if (!deg || deg % 360 === 0) return r;
  const ps = turnedCorners(r, deg, c);
  const xs = ps.map((p) => p.x);
  const ys = ps.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Whether `p` lies in `r` turned by `deg` about its centre. */
export function inTurnedRect(p: Point, r: Rect, deg: number | undefined): boolean {
  const q = deg ? turnPoint(p, -deg, centreOf(r)) : p;
  return q.x >= r.x && q.x <= r.x + r.w && q.y >= r.y && q.y <= r.y + r.h;
}

/** The smallest rectangle holding all of `rs`; undefined for none. */
export function unionRect(rs: readonly Rect[]): Rect | undefined {
  if (!rs.length) return undefined;
  const x = Math.min(...rs.map((r) => r.x));
  const y = Math.min(...rs.map((r) => r.y));
  return { x, y, w: Math.max(...rs.map((r) => r.x + r.w)) - x, h: Math.max(...rs.map((r) => r.y + r.h)) - y };
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
