import type { Rect } from '../../../main/core/design/geometry.js';
import { MM_PER_INCH, SCREEN_DPI } from '../../../main/core/units.js';

/*
 * The canvas's numbers: millimetres on the page to pixels on screen, zoom steps, ruler spacing, and
 * the CSS matrices that move an already drawn layer under the pointer (a drag is shown by moving
 * what is on screen, never by asking the main side for a new preview per mouse move).
 */

/** CSS px per mm at 100 % (96 px per inch). */
export const PX_PER_MM = SCREEN_DPI / MM_PER_INCH;

/** Zoom levels the +/− buttons step through, as fractions of actual size. */
export const ZOOM_STEPS = [
  0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.125, 0.167, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4,
];

/** The next zoom step up or down from `now`. */
export function zoomStep(now: number, dir: 1 | -1): number {
  const next =
    dir > 0 ? ZOOM_STEPS.find((s) => s > now * 1.001) : [...ZOOM_STEPS].reverse().find((s) => s < now * 0.999);
  return next ?? (dir > 0 ? ZOOM_STEPS.at(-1)! : ZOOM_STEPS[0]!);
}

export const clampZoom = (z: number): number => Math.min(8, Math.max(0.005, z));

/** Millimetres between ruler labels: the smallest nice step that leaves `minPx` between them. */
export function rulerStep(pxPerMm: number, minPx = 60): number {
  for (let p = 1; p <= 1e5; p *= 10) for (const base of [1, 2, 5]) if (base * p * pxPerMm >= minPx) return base * p;
  return 1e6;
}

/** A matrix, in sheet pixels, that maps an element's old place to its new one. */
export type SheetMatrix = DOMMatrix;

/**
 * The CSS transform (origin 0 0) that shows a node moved by `m` (sheet pixels): `left`/`top` are
 * where the node sits on the sheet, `base` its own transform at rest.
 */
export function nodeTransform(m: SheetMatrix, left: number, top: number, base: DOMMatrix): string {
  return new DOMMatrix().translate(-left, -top).multiply(m).translate(left, top).multiply(base).toString();
}

/** A turn of `deg` about (cx, cy), in the same units. */
export const turnAbout = (deg: number, cx: number, cy: number): DOMMatrix =>
  new DOMMatrix().translate(cx, cy).rotate(deg).translate(-cx, -cy);

/** The rest transform of a box turned about its centre, for a node of that size with origin 0 0. */
export const boxTurn = (r: Rect, deg: number | undefined): string =>
  deg ? `translate(${r.w / 2}px, ${r.h / 2}px) rotate(${deg}deg) translate(${-r.w / 2}px, ${-r.h / 2}px)` : '';
