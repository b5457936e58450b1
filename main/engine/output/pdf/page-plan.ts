import { extname } from 'node:path';
import { PT_PER_MM } from '../../../core/index.js';
import type { Scene } from '../../scene/types.js';

/** Pages with a side over 200 in (5,080 mm) break many viewers and RIPs. */
export const MAX_PAGE_MM = 5080;
/** The largest page side, in units, that PDF 1.6+ readers accept (200 in at 72 units/in). */
export const MAX_PAGE_UNITS = 14_400;
/** Room outside the bleed for crop marks. */
export const SLUG_MM = 12;
/** Candidate UserUnit values: round numbers, so "1 unit = 10 pt" stays easy to read. */
const USER_UNITS = [10, 100, 1000];

/** A PDF box in default user space units: [llx, lly, urx, ury], y up. */
export type Box = [number, number, number, number];

export interface PageSetup {
  bleed: boolean;
  cropMarks: boolean;
  largePage: 'userunit' | 'scale';
  /** Document-wide drawing scale (1, or 0.1 for a 1:10 file); see documentScale. */
  scale: number;
}

/** Everything about one page's geometry; the drawing itself works in the scene's millimetres. */
export interface PagePlan {
  widthMm: number;
  heightMm: number;
  /** Bleed shown on this page (0 without bleed). */
  bleedMm: number;
  /** Distance from the media box's top-left corner to the trim's, in mm. */
  originMm: number;
  cropMarks: boolean;
  /** Page size in PDF units. */
  widthUnits: number;
  heightUnits: number;
  userUnit: number;
  scale: number;
  /** PDF units per mm of the design. */
  unitsPerMm: number;
  trimBox: Box;
  bleedBox: Box;
}

/** The media box size in mm (trim + bleed + slug) before any scaling. */
export function mediaSizeMm(scene: Scene, bleed: boolean, cropMarks: boolean): { w: number; h: number } {
  const m = (bleed ? scene.bleedMm : 0) + (cropMarks ? SLUG_MM : 0);
  return { w: scene.widthMm + 2 * m, h: scene.heightMm + 2 * m };
}

/**
 * The drawing scale of a whole document: 1, unless a page is too large and the caller asked for a
 * scaled file; then the largest power of ten below 1 that brings every page under 5,080 mm.
 */
export function documentScale(largestSideMm: number, largePage: 'userunit' | 'scale'): number {
  if (largePage !== 'scale' || largestSideMm <= MAX_PAGE_MM) return 1;
  let scale = 0.1;
  while (largestSideMm * scale > MAX_PAGE_MM) scale /= 10;
  return scale;
}

/** banner.pdf at 1:10 → banner-1比10.pdf. */
export function scaledPath(path: string, scale: number): string {
  if (scale === 1) return path;
  const ext = extname(path);
  const tag = `-1比${Math.round(1 / scale)}`;
  return ext ? `${path.slice(0, -ext.length)}${tag}${ext}` : `${path}${tag}`;
}

export function planPage(scene: Scene, setup: PageSetup): PagePlan {
  const bleedMm = setup.bleed ? Math.max(0, scene.bleedMm) : 0;
  const originMm = bleedMm + (setup.cropMarks ? SLUG_MM : 0);
  const media = mediaSizeMm(scene, setup.bleed, setup.cropMarks);
  const pt = (mm: number): number => mm * PT_PER_MM * setup.scale;
  let userUnit = 1;
  if (setup.largePage === 'userunit' && Math.max(media.w, media.h) > MAX_PAGE_MM) {
    const side = pt(Math.max(media.w, media.h));
    userUnit = USER_UNITS.find((n) => side / n <= MAX_PAGE_UNITS) ?? Math.ceil(side / MAX_PAGE_UNITS);
  }
  const unitsPerMm = (PT_PER_MM * setup.scale) / userUnit;
  const widthUnits = media.w * unitsPerMm;
  const heightUnits = media.h * unitsPerMm;
  // Boxes are y-up from the bottom-left; the layout is symmetric, so x and y offsets agree.
  const box = (insetMm: number, w: number, h: number): Box => [
    insetMm * unitsPerMm,
    insetMm * unitsPerMm,
    (insetMm + w) * unitsPerMm,
    (insetMm + h) * unitsPerMm,
  ];
  return {
    widthMm: scene.widthMm,
    heightMm: scene.heightMm,
    bleedMm,
    originMm,
    cropMarks: setup.cropMarks,
    widthUnits,
    heightUnits,
    userUnit,
    scale: setup.scale,
    unitsPerMm,
    trimBox: box(originMm, scene.widthMm, scene.heightMm),
    bleedBox: box(originMm - bleedMm, scene.widthMm + 2 * bleedMm, scene.heightMm + 2 * bleedMm),
  };
}
