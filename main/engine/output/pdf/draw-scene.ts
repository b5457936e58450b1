import type { Colour } from '../../../core/index.js';
import type { GradientItem, ImageItem, Scene, SceneItem, ShapeItem, StrokePaint } from '../../scene/types.js';
import { drawImage, type DrawContext } from './context.js';
import { roundedRectPath } from './shapes.js';
import { drawTextRun } from './text.js';
import { drawVector } from './vector.js';

/**
 * Draws a scene's items in order, in the scene's own coordinates (mm, trim top-left origin, y
 * down): the caller has set up the transform and any clip. Each item is painted as the SVG writer
 * paints it, so preview, raster and PDF agree.
 */
export function drawScene(ctx: DrawContext, scene: Scene): void {
  const { doc } = ctx;
  // SVG's stroke defaults (PDF's miter limit is 10).
  doc.lineJoin('miter').miterLimit(4).lineCap('butt');
  for (const it of scene.items) drawItem(ctx, it);
}

export function drawItem(ctx: DrawContext, it: SceneItem): void {
  if (!it.rotate) return drawUpright(ctx, it);
  // pdfkit's rotate() is SVG's rotate(deg cx cy) in this y-down space: same matrix, same turn.
  const { deg, cx, cy } = it.rotate;
  ctx.doc.save();
  ctx.doc.rotate(deg, { origin: [cx, cy] });
  drawUpright(ctx, it);
  ctx.doc.restore();
}

function drawUpright(ctx: DrawContext, it: SceneItem): void {
  const { doc } = ctx;
  switch (it.kind) {
    case 'rect':
      roundedRectPath(doc, it.x, it.y, it.w, it.h, it.r);
      fillStroke(ctx, it.fill, it.stroke);
      break;
    case 'ellipse':
      doc.ellipse(it.cx, it.cy, it.rx, it.ry);
      fillStroke(ctx, it.fill, it.stroke);
      break;
    case 'line':
      doc.moveTo(it.x1, it.y1).lineTo(it.x2, it.y2);
      fillStroke(ctx, undefined, it.stroke);
      break;
    case 'path':
      doc.path(it.d).fill(ctx.paint.of(it.fill), 'non-zero');
      break;
    case 'gradient':
      drawGradient(ctx, it);
      break;
    case 'image':
      drawClippedImage(ctx, it);
      break;
    case 'text':
      drawTextRun(ctx, it);
      break;
    case 'vector':
      drawVector(ctx, it);
      break;
    case 'shape':
      drawShape(ctx, it);
      break;
  }
}

/** A shape as the SVG writer draws it: fill and stroke with their own opacities, round joins. */
function drawShape(ctx: DrawContext, it: ShapeItem): void {
  const { doc } = ctx;
  doc.save();
  doc.lineJoin('round');
  if (it.opacity < 1) doc.fillOpacity(it.opacity).strokeOpacity(it.opacity);
  doc.path(it.d);
  fillStroke(ctx, it.fill, it.stroke, it.evenOdd ? 'even-odd' : 'non-zero');
  doc.restore();
}

/** Paints the current path: fill, then stroke on top (SVG order); ends the path either way. */
function fillStroke(
  ctx: DrawContext,
  fill: Colour | undefined,
  stroke: StrokePaint | undefined,
  rule: 'non-zero' | 'even-odd' = 'non-zero',
): void {
  const { doc, paint } = ctx;
  const s = stroke && stroke.widthMm > 0 ? stroke : undefined;
  if (s) doc.lineWidth(s.widthMm);
  if (fill && s) doc.fillAndStroke(paint.of(fill), paint.of(s.colour), rule);
  else if (fill) doc.fill(paint.of(fill), rule);
  else if (s) doc.stroke(paint.of(s.colour));
  else doc.addContent('n');
}

function drawGradient(ctx: DrawContext, it: GradientItem): void {
  const { doc, paint } = ctx;
  const stops = normaliseStops(it.stops);
  const only = stops[0];
  if (!only) return;
  doc.rect(it.x, it.y, it.w, it.h);
  if (stops.length === 1 || (it.x1 === it.x2 && it.y1 === it.y2)) {
    // One stop, or no gradient line: SVG paints the last stop's colour.
    doc.fill(paint.of((stops[stops.length - 1] ?? only).colour));
    return;
  }
  const g = doc.linearGradient(it.x1, it.y1, it.x2, it.y2);
  // pdfkit's stop() takes hex or [c,m,y,k]; its d.ts only admits strings.
  for (const st of stops) g.stop(st.offset, paint.of(st.colour) as string);
  doc.fill(g);
}

/**
 * Gradient stops spanning exactly 0..1 in non-decreasing order, as SVG reads them (offsets clamped,
 * each at least the previous one, the ends padded with the end colours). pdfkit would otherwise
 * stretch the first and last segments over the padding.
 */
export function normaliseStops(
  stops: readonly { offset: number; colour: Colour }[],
): { offset: number; colour: Colour }[] {
  const out: { offset: number; colour: Colour }[] = [];
  let prev = 0;
  for (const st of stops) {
    const offset = Math.max(prev, Math.min(1, Math.max(0, st.offset)));
    out.push({ offset, colour: st.colour });
    prev = offset;
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (!first || !last) return out;
  if (out.length === 1) return out;
  if (first.offset > 0) out.unshift({ offset: 0, colour: first.colour });
  if (last.offset < 1) out.push({ offset: 1, colour: last.colour });
  return out;
}

function drawClippedImage(ctx: DrawContext, it: ImageItem): void {
  const { doc } = ctx;
  const c = it.clip;
  if (c.w <= 0 || c.h <= 0 || it.w <= 0 || it.h <= 0) return;
  doc.save();
  roundedRectPath(doc, c.x, c.y, c.w, c.h, c.r).clip();
  drawImage(ctx, it.image, it.x, it.y, it.w, it.h);
  doc.restore();
}
