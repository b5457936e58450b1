import type { TextElement } from '../../core/index.js';
import { gradientLine } from '../scene/gradient-line.js';
import type { TextGradient, TextRunItem } from '../scene/types.js';

type Rect = { x: number; y: number; w: number; h: number };

/** The element's gradient fill laid over its text block; undefined when it has none. */
export function textGradient(el: Pick<TextElement, 'gradient'>, block: Rect): TextGradient | undefined {
  const g = el.gradient;
  if (!g) return undefined;
  return { ...gradientLine(block, g.angleDeg), stops: [...g.stops].sort((a, b) => a.offset - b.offset) };
}

/**
 * The text runs with the layers market lettering uses under them, in drawing order: the drop
 * shadow (the silhouette of everything above it, offset), the outer outline of a double stroke
 * (双描边), the outline, then the text. Each layer is the same glyphs as silhouettes in one colour;
 * an outline of visible width w outside the glyph is a stroke 2w wide centred on the glyph's edge.
 */
export function withEffects(
  el: Pick<TextElement, 'stroke' | 'outerStroke' | 'shadow'>,
  runs: TextRunItem[],
): TextRunItem[] {
  const inner = el.stroke && el.stroke.widthMm > 0 ? el.stroke : undefined;
  const outer = el.outerStroke;
  const layer = (
    decoration: 'shadow' | 'outline',
    colour: TextRunItem['fill'],
    widthMm: number,
    dx = 0,
    dy = 0,
  ): TextRunItem[] =>
    runs.map(({ gradient: _g, stroke: _s, ...r }) => ({
      ...r,
      decoration,
      fill: colour,
      ...(widthMm > 0 ? { stroke: { colour, widthMm } } : {}),
      glyphs: dx || dy ? r.glyphs.map((g) => ({ ...g, x: g.x + dx, y: g.y + dy })) : r.glyphs,
    }));
  const innerW = inner?.widthMm ?? 0;
  const outerW = outer ? innerW + 2 * outer.widthMm : 0;
  const out: TextRunItem[] = [];
  if (el.shadow)
    out.push(...layer('shadow', el.shadow.colour, Math.max(innerW, outerW), el.shadow.dxMm, el.shadow.dyMm));
  if (outer) out.push(...layer('outline', outer.colour, outerW));
  if (inner) out.push(...layer('outline', inner.colour, innerW));
  return [...out, ...runs];
}
