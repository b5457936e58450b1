import type { Scene } from './types.js';

/**
 * The outline a die cuts along, in the scene's mm (trim top-left origin, y down): an ellipse for a
 * round sticker, else a rectangle with its corner radius (0: square corners). Grown by `outsetMm`
 * it is the bleed's outline, which a round piece is clipped to when imposed or rendered.
 */
export type TrimPath =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number }
  | { kind: 'polygon'; points: [number, number][] };

type Trim = Pick<Scene, 'widthMm' | 'heightMm' | 'shape' | 'cornerMm' | 'contour'>;

/** Pieces cut by a die or a cutting plotter rather than a guillotine: round, rounded corners, or along a picture. */
export function isDieCut(scene: Trim): boolean {
  return scene.shape === 'circle' || scene.shape === 'contour' || (scene.cornerMm ?? 0) > 0;
}

/**
 * The cut's outline, or grown by `outsetMm` the bleed's. A piece cut along a picture has the two
 * outlines the scene worked out (any outset gives the bleed's).
 */
export function trimPath(scene: Trim, outsetMm = 0): TrimPath {
  const { widthMm: w, heightMm: h } = scene;
  const o = outsetMm;
  if (scene.shape === 'contour' && scene.contour)
    return { kind: 'polygon', points: o > 0 ? scene.contour.bleed : scene.contour.trim };
  if (scene.shape === 'circle') return { kind: 'ellipse', cx: w / 2, cy: h / 2, rx: w / 2 + o, ry: h / 2 + o };
  const r = Math.min(scene.cornerMm ?? 0, w / 2, h / 2);
  // A rounded corner grows with the outline; a square one stays square (the bleed of a poster).
  return { kind: 'rect', x: -o, y: -o, w: w + 2 * o, h: h + 2 * o, r: r > 0 ? r + o : 0 };
}

/**
 * The trim's area, mm² (what imposition counts as used paper): a circle's, a rounded rectangle's, or
 * the traced outline's. A `contour` piece whose outline is not known (a format, not a scene) counts
 * its rectangle.
 */
export function trimArea(scene: Trim): number {
  const p = trimPath(scene);
  if (p.kind === 'ellipse') return Math.PI * p.rx * p.ry;
  if (p.kind === 'rect') return p.w * p.h - (4 - Math.PI) * p.r * p.r;
  const pts = p.points;
  return (
    Math.abs(
      pts.reduce((a, [x, y], i) => a + x * pts[(i + 1) % pts.length]![1] - pts[(i + 1) % pts.length]![0] * y, 0),
    ) / 2
  );
}

/** The outline as an SVG element, mapped by x' = (x - x0) · k, y' = (y - y0) · ky (pixels of a raster). */
export function trimPathSvg(p: TrimPath, x0: number, y0: number, kx: number, ky: number, fill: string): string {
  const n = (v: number) => +v.toFixed(3);
  if (p.kind === 'polygon')
    return `<path d="${p.points.map(([x, y], i) => `${i ? 'L' : 'M'}${n((x - x0) * kx)} ${n((y - y0) * ky)}`).join('')}Z" fill="${fill}"/>`;
  if (p.kind === 'ellipse')
    return `<ellipse cx="${n((p.cx - x0) * kx)}" cy="${n((p.cy - y0) * ky)}" rx="${n(p.rx * kx)}" ry="${n(p.ry * ky)}" fill="${fill}"/>`;
  return `<rect x="${n((p.x - x0) * kx)}" y="${n((p.y - y0) * ky)}" width="${n(p.w * kx)}" height="${n(p.h * ky)}" rx="${n(p.r * kx)}" ry="${n(p.r * ky)}" fill="${fill}"/>`;
}
