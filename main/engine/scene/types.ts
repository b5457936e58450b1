import type { Colour } from '../../core/index.js';
import type { Face } from '../fonts/face.js';
import type { PreparedImage } from '../assets/prepare.js';

/**
 * The scene: every glyph, image and shape of one page, positioned in millimetres with the origin
 * at the top-left corner of the trim and y pointing down. The bleed lies at negative coordinates
 * and beyond the trim size. Every writer (SVG, raster, PDF) draws exactly this.
 */
export interface Scene {
  name: string;
  widthMm: number;
  heightMm: number;
  bleedMm: number;
  safeMm: number;
  /** Recommended raster density of the format. */
  dpi: number;
  colourMode: 'rgb' | 'cmyk';
  cropMarks: boolean;
  /**
   * The trim's shape (the format's `shape` and `cornerMm`): a round or rounded die-cut piece is cut
   * along it, and its images are transparent outside it. Absent: a plain rectangle.
   */
  shape?: 'rect' | 'circle' | 'contour';
  cornerMm?: number;
  /**
   * For a piece cut along a picture (`shape: contour`): the cut line and the bleed's outline,
   * closed polygons in mm (scene/contour.ts). Absent when the picture was not found.
   */
  contour?: { trim: [number, number][]; bleed: [number, number][] };
  /** Exact pixel size of a screen format (WeChat), rendered at SCREEN_DPI. */
  pixels?: { width: number; height: number };
  viewingDistanceM: number;
  items: SceneItem[];
  /** What layout had to say: fallback fonts, missing glyphs, overflow. */
  notes: LayoutNote[];
}

export interface LayoutNote {
  elementId: string;
  kind: 'missing-glyph' | 'overflow' | 'font-substituted' | 'empty-slot';
  message: string;
}

/** An element turned about a point: each of its items carries this (SVG `rotate(deg cx cy)`). */
export interface Rotation {
  /** Degrees, clockwise on the page (y points down). */
  deg: number;
  cx: number;
  cy: number;
}

/** What every item has: the element it draws, and that element's rotation if it is turned. */
interface ItemOf {
  elementId: string;
  rotate?: Rotation;
}

export interface StrokePaint {
  colour: Colour;
  widthMm: number;
}

export interface RectItem extends ItemOf {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Corner radius. */
  r: number;
  fill?: Colour;
  stroke?: StrokePaint;
}

export interface EllipseItem extends ItemOf {
  kind: 'ellipse';
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  fill?: Colour;
  stroke?: StrokePaint;
}

export interface LineItem extends ItemOf {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: StrokePaint;
}

/** A filled path in mm (SVG path syntax, absolute commands only: M, L, H, V, Z). */
export interface PathItem extends ItemOf {
  kind: 'path';
  d: string;
  fill: Colour;
}

export interface GradientItem extends ItemOf {
  kind: 'gradient';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Gradient line from (x1,y1) to (x2,y2), in mm. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stops: { offset: number; colour: Colour }[];
}

export interface ImageItem extends ItemOf {
  kind: 'image';
  image: PreparedImage;
  /** Where the whole (cropped) source is drawn; may extend beyond the clip for `cover`. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Visible region. */
  clip: { x: number; y: number; w: number; h: number; r: number };
}

export interface PlacedGlyph {
  /** Glyph id in `face`; 0 is .notdef (a missing character, drawn as a box). */
  gid: number;
  /** Pen position on the baseline, mm. */
  x: number;
  y: number;
  /** The characters this glyph stands for (for searchable PDF text). */
  text: string;
}

/** A linear gradient fill across a text block, in mm (the line from (x1,y1) to (x2,y2)). */
export interface TextGradient {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stops: { offset: number; colour: Colour }[];
}

/**
 * Glyphs of one face, size and paint. `together` runs are one horizontal line segment that a PDF
 * can set as one string (pdfkit shapes it exactly as fontkit did); otherwise glyphs are placed one
 * by one (vertical writing).
 *
 * A text element with effects is several layers of runs, drawn in scene order: its drop shadow,
 * outer outline and outline as `decoration` runs (the glyphs' silhouettes, fill and stroke in one
 * colour, drawn as outlines: they are not text a reader should copy), then the text itself.
 */
export interface TextRunItem extends ItemOf {
  kind: 'text';
  face: Face;
  sizeMm: number;
  /** Extra advance after each glyph, mm (letter spacing). */
  spacingMm: number;
  together: boolean;
  text: string;
  glyphs: PlacedGlyph[];
  fill: Colour;
  /** Drawn under the fill, centred on the outline, so its visible width is widthMm / 2 outside. */
  stroke?: StrokePaint;
  /** Fill with this gradient instead of `fill` (which viewers without gradients may show). */
  gradient?: TextGradient;
  /** A layer under the text (shadow, outline): outlines only, never real text. */
  decoration?: 'shadow' | 'outline';
}

/** One filled shape of an illustration, in the picture's own units (absolute M, L, C, Z only). */
export interface VectorShape {
  d: string;
  fill: Colour;
  /** 0–1, the shape's own times the element's. */
  opacity: number;
  evenOdd: boolean;
}

/**
 * A picture of the illustration set, drawn as vector shapes in every output (never as an image):
 * `matrix` [a b c d e f] takes the picture's units to mm: x = a·u + c·v + e, y = b·u + d·v + f.
 */
export interface VectorItem extends ItemOf {
  kind: 'vector';
  /** The illustration's id (for the editor and tests). */
  name: string;
  matrix: [number, number, number, number, number, number];
  /** Where it lands on the page, mm (for culling). */
  bounds: { x: number; y: number; w: number; h: number };
  shapes: VectorShape[];
}

/**
 * A shape element's outline (burst, ribbon, speech bubble…) in mm, absolute M/L/C/Z: filled and/or
 * stroked, with round joins so a burst's spikes look the same in every writer.
 */
export interface ShapeItem extends ItemOf {
  kind: 'shape';
  d: string;
  /** An open outline (a line) is only stroked. */
  closed: boolean;
  evenOdd: boolean;
  fill?: Colour;
  stroke?: StrokePaint;
  opacity: number;
  /** The outline's box, mm, without the stroke. */
  bounds: { x: number; y: number; w: number; h: number };
  /** Points along the outline, curves sampled, mm (for the round sticker's cut-margin check). */
  hull: [number, number][];
}

export type SceneItem =
  RectItem | EllipseItem | LineItem | PathItem | GradientItem | ImageItem | TextRunItem | VectorItem | ShapeItem;
