import type { VectorItem } from './types.js';

/*
 * A die-cut line that follows a picture (a sticker cut round a fish): the outline of the picture's
 * silhouette grown by an offset, as one closed polygon in mm. The silhouette (every shape, its own
 * fill rule) is filled into a bitmap at 10 px/mm, its Euclidean distance transform taken
 * (Felzenszwalb & Huttenlocher), and the contour at the offset's distance traced with marching
 * squares, interpolated between pixel centres (so the line is smooth, not stepped), then thinned
 * (Ramer–Douglas–Peucker, 0.01 mm). Holes inside the grown silhouette are not cut: the outer loop
 * is. About 40 ms for a 60 mm picture on this machine: the scene is rebuilt per keystroke, so the
 * last few outlines are kept, keyed by the picture, its placement and the offsets (typing the
 * jingle does not move the fish).
 */

export type Pt = [number, number];

const PX_PER_MM = 10;
const CURVE_STEPS = 12;
const SIMPLIFY_MM = 0.01;

/** The shape's path (absolute M, L, C, Z: the illustration set's form) as closed polylines, mapped by `m`. */
function polylines(d: string, m: VectorItem['matrix']): Pt[][] {
  const map = (u: number, v: number): Pt => [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]];
  const out: Pt[][] = [];
  let cur: Pt[] = [];
  let pen: [number, number] = [0, 0];
  const tokens = d.match(/[MLCZmlcz]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let i = 0;
  const num = () => Number(tokens[i++]);
  let cmd = '';
  while (i < tokens.length) {
    if (/^[MLCZ]$/i.test(tokens[i]!)) cmd = tokens[i++]!.toUpperCase();
    if (cmd === 'M') {
      if (cur.length) out.push(cur);
      pen = [num(), num()];
      cur = [map(...pen)];
      cmd = 'L';
    } else if (cmd === 'L') {
      pen = [num(), num()];
      cur.push(map(...pen));
    } else if (cmd === 'C') {
      const [x1, y1, x2, y2, x, y] = [num(), num(), num(), num(), num(), num()];
      const [x0, y0] = pen;
      for (let k = 1; k <= CURVE_STEPS; k++) {
        const t = k / CURVE_STEPS;
        const a = (1 - t) ** 3;
        const b = 3 * (1 - t) ** 2 * t;
        const c = 3 * (1 - t) * t * t;
        const e = t ** 3;
        cur.push(map(a * x0 + b * x1 + c * x2 + e * x, a * y0 + b * y1 + c * y2 + e * y));
      }
      pen = [x, y];
    } else if (cmd === 'Z') {
      if (cur.length) out.push(cur);
      cur = [];
    } else i++;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Fills a shape (its rule) into the mask: pixel centres inside are set. */
function fill(mask: Uint8Array, w: number, h: number, loops: Pt[][], evenOdd: boolean, x0: number, y0: number): void {
  for (let row = 0; row < h; row++) {
    const y = y0 + (row + 0.5) / PX_PER_MM;
    const hits: { x: number; dir: number }[] = [];
    for (const loop of loops)
      for (let k = 0; k < loop.length; k++) {
        const [ax, ay] = loop[k]!;
        const [bx, by] = loop[(k + 1) % loop.length]!;
        if (ay === by || y < Math.min(ay, by) || y >= Math.max(ay, by)) continue;
        hits.push({ x: ax + ((y - ay) * (bx - ax)) / (by - ay), dir: by > ay ? 1 : -1 });
      }
    hits.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let k = 0; k + 1 < hits.length; k++) {
      winding += evenOdd ? 1 : hits[k]!.dir;
      const inside = evenOdd ? winding % 2 === 1 : winding !== 0;
      if (!inside) continue;
      const from = Math.max(0, Math.ceil((hits[k]!.x - x0) * PX_PER_MM - 0.5));
      const to = Math.min(w - 1, Math.floor((hits[k + 1]!.x - x0) * PX_PER_MM - 0.5));
      for (let c = from; c <= to; c++) mask[row * w + c] = 1;
    }
  }
}

/** Squared distance transform of one line (Felzenszwalb & Huttenlocher). */
function edt1(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (f[q]! + q * q - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    d[q] = (q - v[k]!) ** 2 + f[v[k]!]!;
  }
}

/** Distance (px) from every pixel centre to the nearest set one. */
function distances(mask: Uint8Array, w: number, h: number): Float64Array {
  const BIG = 1e20;
  const g = new Float64Array(w * h);
  for (let i = 0; i < g.length; i++) g[i] = mask[i] ? 0 : BIG;
  const n = Math.max(w, h);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) f[y] = g[y * w + x]!;
    edt1(f, h, d, v, z);
    for (let y = 0; y < h; y++) g[y * w + x] = d[y]!;
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) f[x] = g[y * w + x]!;
    edt1(f, w, d, v, z);
    for (let x = 0; x < w; x++) g[y * w + x] = Math.sqrt(d[x]!);
  }
  return g;
}

/** The loops where `field` crosses zero (marching squares between pixel centres), in pixel units. */
function contours(field: Float64Array, w: number, h: number): Pt[][] {
  const at = (x: number, y: number) => field[y * w + x]!;
  // Each crossing point is named by its edge so neighbouring cells share it.
  const point = new Map<string, Pt>();
  const next = new Map<string, string[]>();
  const cross = (key: string, ax: number, ay: number, bx: number, by: number) => {
    if (!point.has(key)) {
      const fa = at(ax, ay);
      const t = fa / (fa - at(bx, by));
      point.set(key, [ax + t * (bx - ax), ay + t * (by - ay)]);
    }
    return key;
  };
  const link = (a: string, b: string) => {
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  };
  for (let y = 0; y + 1 < h; y++)
    for (let x = 0; x + 1 < w; x++) {
      const tl = at(x, y) < 0;
      const tr = at(x + 1, y) < 0;
      const br = at(x + 1, y + 1) < 0;
      const bl = at(x, y + 1) < 0;
      const edges: string[] = [];
      if (tl !== tr) edges.push(cross(`h${x},${y}`, x, y, x + 1, y));
      if (tr !== br) edges.push(cross(`v${x + 1},${y}`, x + 1, y, x + 1, y + 1));
      if (bl !== br) edges.push(cross(`h${x},${y + 1}`, x, y + 1, x + 1, y + 1));
      if (tl !== bl) edges.push(cross(`v${x},${y}`, x, y, x, y + 1));
      if (edges.length === 2) link(edges[0]!, edges[1]!);
      else if (edges.length === 4) {
        // A saddle: the cell's centre decides which corners join.
        const centreIn = (at(x, y) + at(x + 1, y) + at(x + 1, y + 1) + at(x, y + 1)) / 4 < 0;
        if (centreIn === tl) {
          link(edges[0]!, edges[1]!);
          link(edges[2]!, edges[3]!);
        } else {
          link(edges[0]!, edges[3]!);
          link(edges[1]!, edges[2]!);
        }
      }
    }
  const loops: Pt[][] = [];
  const seen = new Set<string>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const loop: Pt[] = [];
    let prev = '';
    let cur = start;
    while (!seen.has(cur)) {
      seen.add(cur);
      loop.push(point.get(cur)!);
      const options = next.get(cur) ?? [];
      const to = options.find((o) => o !== prev && !seen.has(o)) ?? options.find((o) => o !== prev);
      if (!to) break;
      prev = cur;
      cur = to;
    }
    if (loop.length > 2) loops.push(loop);
  }
  return loops;
}

const area = (p: Pt[]) =>
  p.reduce((a, [x, y], i) => a + x * p[(i + 1) % p.length]![1] - p[(i + 1) % p.length]![0] * y, 0) / 2;

/** Ramer–Douglas–Peucker on a closed loop, split at its two farthest-apart points. */
function simplify(points: Pt[], eps: number): Pt[] {
  const rdp = (pts: Pt[]): Pt[] => {
    if (pts.length < 3) return pts;
    const [ax, ay] = pts[0]!;
    const [bx, by] = pts.at(-1)!;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let far = 0;
    let at = 0;
    for (let i = 1; i < pts.length - 1; i++) {
      const [px, py] = pts[i]!;
      const d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > far) [far, at] = [d, i];
    }
    if (far <= eps) return [pts[0]!, pts.at(-1)!];
    return [...rdp(pts.slice(0, at + 1)).slice(0, -1), ...rdp(pts.slice(at))];
  };
  const half = Math.floor(points.length / 2);
  return [...rdp(points.slice(0, half + 1)).slice(0, -1), ...rdp([...points.slice(half), points[0]!]).slice(0, -1)];
}

/**
 * The outline of the picture's silhouette grown by each offset (mm), one closed polygon each, in
 * the scene's mm. Empty when the picture has no ink.
 */
export function offsetOutlines(item: VectorItem, offsetsMm: readonly number[]): Pt[][] {
  const key = [item.name, ...item.matrix, ...item.shapes.map((s) => s.opacity > 0), '|', ...offsetsMm].join(',');
  const hit = recent.get(key);
  if (hit) return hit;
  const made = traceOutlines(item, offsetsMm);
  recent.set(key, made);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return made;
}

const RECENT = 8;
const recent = new Map<string, Pt[][]>();

function traceOutlines(item: VectorItem, offsetsMm: readonly number[]): Pt[][] {
  const reach = Math.max(...offsetsMm) + 1;
  const x0 = item.bounds.x - reach;
  const y0 = item.bounds.y - reach;
  const w = Math.ceil((item.bounds.w + 2 * reach) * PX_PER_MM);
  const h = Math.ceil((item.bounds.h + 2 * reach) * PX_PER_MM);
  const mask = new Uint8Array(w * h);
  for (const sh of item.shapes) if (sh.opacity > 0) fill(mask, w, h, polylines(sh.d, item.matrix), sh.evenOdd, x0, y0);
  if (!mask.some((v) => v)) return offsetsMm.map(() => []);
  const dist = distances(mask, w, h);
  return offsetsMm.map((o) => {
    const level = o * PX_PER_MM;
    const field = new Float64Array(dist.length);
    for (let i = 0; i < dist.length; i++) field[i] = dist[i]! - level;
    const loops = contours(field, w, h);
    const outer = loops.sort((a, b) => Math.abs(area(b)) - Math.abs(area(a)))[0] ?? [];
    const mm = outer.map(([x, y]): Pt => [x0 + (x + 0.5) / PX_PER_MM, y0 + (y + 0.5) / PX_PER_MM]);
    return simplify(mm, SIMPLIFY_MM);
  });
}
