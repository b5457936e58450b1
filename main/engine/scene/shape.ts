import { outlinePathData, outlinePoints, shapeOutline, type ShapeElement } from '../../core/index.js';
import type { ShapeItem } from './types.js';

/** A shape element as one scene item: its outline in mm, painted as the element says. */
export function shapeItems(el: ShapeElement): ShapeItem[] {
  const { segments, closed, evenOdd } = shapeOutline(el);
  const hull = outlinePoints(segments);
  if (!hull.length) return [];
  const xs = hull.map((p) => p[0]);
  const ys = hull.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  const fill = closed ? el.fill : undefined;
  if (!fill && !el.stroke) return [];
  return [
    {
      kind: 'shape',
      elementId: el.id,
      d: outlinePathData(segments),
      closed,
      evenOdd,
      ...(fill ? { fill } : {}),
      ...(el.stroke ? { stroke: el.stroke } : {}),
      opacity: el.opacity,
      bounds: { x: x0, y: y0, w: Math.max(...xs) - x0, h: Math.max(...ys) - y0 },
      hull,
    },
  ];
}
