import { SHAPE_DEFAULTS, type ShapePreset } from './shape-presets.js';

/*
 * The outline of a `shape` element in millimetres, as absolute M/L/C/Z segments: the one syntax
 * the SVG writer, pdfkit's path parser and the preflight's hull all read. Pure geometry, so the
 * page can draw the same outline as a selection handle.
 */

type Pt = [number, number];
export type ShapeSegment = { op: 'M' | 'L'; p: Pt } | { op: 'C'; c1: Pt; c2: Pt; p: Pt } | { op: 'Z' };

/** What the geometry reads of a shape element (elements.ts). */
export interface ShapeSpec {
  shape: ShapePreset;
  box: { x: number; y: number; w: number; h: number };
  points?: number | undefined;
  depth?: number | undefined;
  radiusMm?: number | undefined;
  tail?: { x: number; y: number } | undefined;
  edges?: 'top' | 'bottom' | 'both' | undefined;
  path?: string | undefined;
  rotateDeg?: number | undefined;
}

export interface ShapeOutline {
  segments: ShapeSegment[];
  /** An open outline (the line) is stroked only. */
  closed: boolean;
  /** Holes by the even-odd rule (the seal's frame, a custom path's cut-outs). */
  evenOdd: boolean;
}

/** Bézier handle length for a quarter ellipse. */
const KAPPA = 0.5522847498;

class PathBuilder {
  readonly segments: ShapeSegment[] = [];
  move(p: Pt): this {
    this.segments.push({ op: 'M', p });
    return this;
  }
  line(p: Pt): this {
    this.segments.push({ op: 'L', p });
    return this;
  }
  curve(c1: Pt, c2: Pt, p: Pt): this {
    this.segments.push({ op: 'C', c1, c2, p });
    return this;
  }
  close(): this {
    this.segments.push({ op: 'Z' });
    return this;
  }
}

type Box = ShapeSpec['box'];
type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * A rectangle with each corner rounded by its own radius (clamped to half a side), clockwise from
 * the top-left, with an optional speech-bubble tail out of one side towards `tip`.
 */
function roundedRect(
  b: PathBuilder,
  box: Box,
  radii: [number, number, number, number],
  tail?: { side: Side; from: number; to: number; tip: Pt },
): void {
  const { x, y, w, h } = box;
  const [tl, tr, br, bl] = radii.map((r) => Math.max(0, Math.min(r, w / 2, h / 2))) as [number, number, number, number];
  const corner = (from: Pt, to: Pt, r: number, along: Pt, down: Pt): void => {
    if (r <= 0) return;
    b.curve(
      [from[0] + along[0] * r * KAPPA, from[1] + along[1] * r * KAPPA],
      [to[0] - down[0] * r * KAPPA, to[1] - down[1] * r * KAPPA],
      to,
    );
  };
  const side = (s: Side, end: Pt): void => {
    if (tail?.side === s) {
      const horizontal = s === 'top' || s === 'bottom';
      const at = (v: number): Pt => (horizontal ? [v, end[1]] : [end[0], v]);
      b.line(at(tail.from)).line(tail.tip).line(at(tail.to));
    }
    b.line(end);
  };
  b.move([x + tl, y]);
  side('top', [x + w - tr, y]);
  corner([x + w - tr, y], [x + w, y + tr], tr, [1, 0], [0, 1]);
  side('right', [x + w, y + h - br]);
  corner([x + w, y + h - br], [x + w - br, y + h], br, [0, 1], [-1, 0]);
  side('bottom', [x + bl, y + h]);
  corner([x + bl, y + h], [x, y + h - bl], bl, [-1, 0], [0, -1]);
  side('left', [x, y + tl]);
  corner([x, y + tl], [x + tl, y], tl, [0, -1], [1, 0]);
  b.close();
}

function ellipse(b: PathBuilder, box: Box): void {
  const rx = box.w / 2;
  const ry = box.h / 2;
  const cx = box.x + rx;
  const cy = box.y + ry;
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  b.move([cx + rx, cy])
    .curve([cx + rx, cy + ky], [cx + kx, cy + ry], [cx, cy + ry])
    .curve([cx - kx, cy + ry], [cx - rx, cy + ky], [cx - rx, cy])
    .curve([cx - rx, cy - ky], [cx - kx, cy - ry], [cx, cy - ry])
    .curve([cx + kx, cy - ry], [cx + rx, cy - ky], [cx + rx, cy])
    .close();
}

/** Spikes (burst) or points (star) round the ellipse in the box, the first pointing up. */
function starburst(b: PathBuilder, box: Box, points: number, depth: number): void {
  const rx = box.w / 2;
  const ry = box.h / 2;
  const inner = 1 - depth;
  for (let k = 0; k < 2 * points; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / points;
    const r = k % 2 ? inner : 1;
    const p: Pt = [box.x + rx + rx * r * Math.cos(a), box.y + ry + ry * r * Math.sin(a)];
    if (k === 0) b.move(p);
    else b.line(p);
  }
  b.close();
}

/**
 * Round bumps all round (a scalloped seal or sticker edge): each bump a cubic whose middle just
 * reaches the box's ellipse, the hollows `depth` of the radius inside it.
 */
function scallop(b: PathBuilder, box: Box, points: number, depth: number): void {
  const rx = box.w / 2;
  const ry = box.h / 2;
  const cx = box.x + rx;
  const cy = box.y + ry;
  const base = 1 - depth;
  const half = Math.PI / points;
  // The bump's middle is (P0+P1)/8 + 3(C1+C2)/8 with the handles pushed out radially by k.
  const k = ((1 / (base * Math.cos(half)) - 1) * base) / 0.75;
  const at = (a: number, r: number): Pt => [cx + rx * r * Math.cos(a), cy + ry * r * Math.sin(a)];
  const a0 = -Math.PI / 2;
  b.move(at(a0, base));
  for (let i = 0; i < points; i++) {
    const s = a0 + 2 * i * half;
    const e = s + 2 * half;
    const out = (base + k) / base;
    const p0 = at(s, base);
    const p1 = at(e, base);
    b.curve([cx + (p0[0] - cx) * out, cy + (p0[1] - cy) * out], [cx + (p1[0] - cx) * out, cy + (p1[1] - cy) * out], p1);
  }
  b.close();
}

/** One wavy edge from x0 to x1 at y (crests towards `out`, -1 up or +1 down), `waves` whole waves deep `amp`. */
function wavyEdge(b: PathBuilder, x0: number, x1: number, y: number, waves: number, amp: number, out: number): void {
  const halves = 2 * waves;
  const step = (x1 - x0) / halves;
  // A half wave is a cubic whose middle reaches amp/2 off the centre line: handles at 4/3 of that.
  const k = ((amp / 2) * 4) / 3;
  for (let i = 0; i < halves; i++) {
    const xa = x0 + i * step;
    const sign = (i % 2 ? -1 : 1) * out;
    b.curve([xa + step / 3, y + sign * k], [xa + (2 * step) / 3, y + sign * k], [xa + step, y]);
  }
}

function wave(b: PathBuilder, box: Box, waves: number, depth: number, edges: 'top' | 'bottom' | 'both'): void {
  const { x, y, w, h } = box;
  const amp = Math.min(depth, edges === 'both' ? 0.5 : 1) * h;
  const top = edges === 'bottom' ? y : y + amp / 2;
  const bottom = edges === 'top' ? y + h : y + h - amp / 2;
  b.move([x, top]);
  if (edges === 'bottom') b.line([x + w, top]);
  else wavyEdge(b, x, x + w, top, waves, amp, -1);
  b.line([x + w, bottom]);
  if (edges === 'top') b.line([x, bottom]);
  else wavyEdge(b, x + w, x, bottom, waves, amp, 1);
  b.close();
}

/** A band with swallow-tail notches cut into both ends, `depth` of the height deep. */
function ribbon(b: PathBuilder, box: Box, depth: number): void {
  const { x, y, w, h } = box;
  const notch = Math.min(depth * h, w / 2);
  b.move([x, y])
    .line([x + w, y])
    .line([x + w - notch, y + h / 2])
    .line([x + w, y + h])
    .line([x, y + h])
    .line([x + notch, y + h / 2])
    .close();
}

/** The side of the box a speech bubble's tail leaves from, and where along it, towards the tip. */
function tailOf(box: Box, tip: Pt, r: number): { side: Side; from: number; to: number; tip: Pt } {
  const { x, y, w, h } = box;
  const side: Side =
    tip[1] > y + h ? 'bottom' : tip[1] < y ? 'top' : tip[0] < x ? 'left' : tip[0] > x + w ? 'right' : 'bottom';
  const horizontal = side === 'top' || side === 'bottom';
  const start = horizontal ? x : y;
  const len = horizontal ? w : h;
  const base = Math.min(len * 0.22, Math.max(len - 2 * r, 0) * 0.9);
  // The base sits between the tip and the side's middle, clear of the rounded corners.
  const want = ((horizontal ? tip[0] : tip[1]) + (start + len / 2)) / 2;
  const mid = Math.max(start + r + base / 2, Math.min(start + len - r - base / 2, want));
  // Sides are drawn clockwise: top and right run forwards, bottom and left backwards.
  const forwards = side === 'top' || side === 'right';
  return { side, from: mid + (forwards ? -1 : 1) * (base / 2), to: mid + (forwards ? 1 : -1) * (base / 2), tip };
}

/** A frame `depth` of the shorter side wide (a seal's border), its hole by the even-odd rule. */
function seal(b: PathBuilder, box: Box, depth: number, r: number): void {
  const t = Math.min(depth, 0.45) * Math.min(box.w, box.h);
  roundedRect(b, box, [r, r, r, r]);
  const inner = { x: box.x + t, y: box.y + t, w: box.w - 2 * t, h: box.h - 2 * t };
  const ri = Math.max(0, r - t);
  roundedRect(b, inner, [ri, ri, ri, ri]);
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;

/**
 * A custom outline: SVG path data with absolute M, L, H, V, C, Q and Z only, in a 100 × 100 box
 * stretched over the element's box. Returns null when the data is anything else.
 */
export function parseUnitPath(d: string, box: Box = { x: 0, y: 0, w: 100, h: 100 }): ShapeSegment[] | null {
  const map = (u: number, v: number): Pt => [box.x + (u / 100) * box.w, box.y + (v / 100) * box.h];
  const out: ShapeSegment[] = [];
  let i = 0;
  let cmd = '';
  let cur: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  const skip = () => {
    while (i < d.length && /[\s,]/.test(d[i]!)) i++;
  };
  const num = (): number | null => {
    skip();
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(d);
    if (!m) return null;
    i += m[0].length;
    const v = Number(m[0]);
    return Number.isFinite(v) && Math.abs(v) <= 1e4 ? v : null;
  };
  const nums = (n: number): number[] | null => {
    const v: number[] = [];
    for (let k = 0; k < n; k++) {
      const x = num();
      if (x === null) return null;
      v.push(x);
    }
    return v;
  };
  for (skip(); i < d.length; skip()) {
    if (/[A-Za-z]/.test(d[i]!)) {
      cmd = d[i++]!;
      if (!'MLHVCQZ'.includes(cmd)) return null;
      if (cmd === 'Z') {
        out.push({ op: 'Z' });
        cur = start;
      }
      continue;
    }
    if (!cmd || cmd === 'Z') return null;
    const arity = { M: 2, L: 2, H: 1, V: 1, C: 6, Q: 4 }[cmd as 'M'] ?? 0;
    const v = nums(arity);
    if (!v) return null;
    if (cmd === 'M' || cmd === 'L') {
      const p: [number, number] = [v[0]!, v[1]!];
      if (cmd === 'M') start = p;
      out.push({ op: cmd, p: map(...p) });
      cur = p;
      if (cmd === 'M') cmd = 'L'; // further pairs after M are lines, as in SVG
    } else if (cmd === 'H' || cmd === 'V') {
      cur = cmd === 'H' ? [v[0]!, cur[1]] : [cur[0], v[0]!];
      out.push({ op: 'L', p: map(...cur) });
    } else if (cmd === 'C') {
      out.push({ op: 'C', c1: map(v[0]!, v[1]!), c2: map(v[2]!, v[3]!), p: map(v[4]!, v[5]!) });
      cur = [v[4]!, v[5]!];
    } else {
      // A quadratic is the cubic with handles two thirds of the way to its control point.
      const [qx, qy, px, py] = v as [number, number, number, number];
      const c1: [number, number] = [cur[0] + (2 / 3) * (qx - cur[0]), cur[1] + (2 / 3) * (qy - cur[1])];
      const c2: [number, number] = [px + (2 / 3) * (qx - px), py + (2 / 3) * (qy - py)];
      out.push({ op: 'C', c1: map(...c1), c2: map(...c2), p: map(px, py) });
      cur = [px, py];
    }
  }
  return out[0]?.op === 'M' ? out : null;
}

function rotate(segments: ShapeSegment[], box: Box, deg: number): ShapeSegment[] {
  if (!deg) return segments;
  const a = (deg * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const r = ([x, y]: Pt): Pt => [cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c];
  return segments.map((g) =>
    g.op === 'Z' ? g : g.op === 'C' ? { op: 'C', c1: r(g.c1), c2: r(g.c2), p: r(g.p) } : { op: g.op, p: r(g.p) },
  );
}

/** The shape's outline in mm, rotated about the box's centre by `rotateDeg` (clockwise). */
export function shapeOutline(s: ShapeSpec): ShapeOutline {
  const b = new PathBuilder();
  const box = s.box;
  const def = SHAPE_DEFAULTS[s.shape] ?? {};
  const points = Math.max(3, Math.round(s.points ?? def.points ?? 5));
  const depth = Math.max(0, Math.min(1, s.depth ?? def.depth ?? 0.2));
  const r = s.radiusMm ?? 0;
  let closed = true;
  let evenOdd = false;
  switch (s.shape) {
    case 'rect':
      roundedRect(b, box, [0, 0, 0, 0]);
      break;
    case 'rounded': {
      const rr = r > 0 ? r : 0.15 * Math.min(box.w, box.h);
      roundedRect(b, box, [rr, rr, rr, rr]);
      break;
    }
    case 'circle':
      ellipse(b, box);
      break;
    case 'line':
      b.move([box.x, box.y + box.h / 2]).line([box.x + box.w, box.y + box.h / 2]);
      closed = false;
      break;
    case 'burst':
    case 'star':
      starburst(b, box, points, depth);
      break;
    case 'scallop':
      scallop(b, box, points, depth);
      break;
    case 'wave':
      wave(b, box, points, depth, s.edges ?? 'top');
      break;
    case 'ribbon':
      ribbon(b, box, depth);
      break;
    case 'speech': {
      const rr = r > 0 ? r : 0.2 * Math.min(box.w, box.h);
      const t = s.tail ?? { x: 0.25, y: 1.3 };
      roundedRect(b, box, [rr, rr, rr, rr], tailOf(box, [box.x + t.x * box.w, box.y + t.y * box.h], rr));
      break;
    }
    case 'seal':
      seal(b, box, depth, r);
      evenOdd = true;
      break;
    case 'tab': {
      const rr = r > 0 ? r : 0.35 * Math.min(box.w, box.h);
      roundedRect(b, box, [rr, rr, 0, 0]);
      break;
    }
    case 'custom':
      b.segments.push(...(parseUnitPath(s.path ?? '', box) ?? []));
      closed = b.segments.some((g) => g.op === 'Z');
      evenOdd = true;
      break;
  }
  return { segments: rotate(b.segments, box, s.rotateDeg ?? 0), closed, evenOdd };
}

const n = (v: number): string => String(Math.round(v * 1000) / 1000);

/** Segments as SVG path data (absolute M/L/C/Z, 0.001 mm). */
export function outlinePathData(segments: readonly ShapeSegment[]): string {
  return segments
    .map((g) =>
      g.op === 'Z'
        ? 'Z'
        : g.op === 'C'
          ? `C${n(g.c1[0])} ${n(g.c1[1])} ${n(g.c2[0])} ${n(g.c2[1])} ${n(g.p[0])} ${n(g.p[1])}`
          : `${g.op}${n(g.p[0])} ${n(g.p[1])}`,
    )
    .join('');
}

/** Points along the outline: its corners, and each curve sampled finely (a hull closer than the handles'). */
export function outlinePoints(segments: readonly ShapeSegment[], steps = 12): Pt[] {
  const out: Pt[] = [];
  let at: Pt = [0, 0];
  for (const g of segments) {
    if (g.op === 'Z') continue;
    if (g.op === 'C')
      for (let i = 1; i < steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        out.push([
          a * at[0] + b * g.c1[0] + c * g.c2[0] + d * g.p[0],
          a * at[1] + b * g.c1[1] + c * g.c2[1] + d * g.p[1],
        ]);
      }
    out.push(g.p);
    at = g.p;
  }
  return out;
}
