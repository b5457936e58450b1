import type { Design, IllustrationArt, IllustrationElement } from '../../core/index.js';
import { illustrationArt, nameOf, resolvedIllustration } from '../illustrations.js';
import type { LayoutNote, VectorItem } from './types.js';

const extents = new WeakMap<IllustrationArt, [number, number, number, number]>();

/** Every coordinate's range (control points included, so the curves lie inside), in picture units. */
function extent(art: IllustrationArt): [number, number, number, number] {
  let e = extents.get(art);
  if (!e) {
    e = [Infinity, Infinity, -Infinity, -Infinity];
    for (const sh of art.shapes) {
      const v = sh.d.match(/-?\d+(?:\.\d+)?/g) ?? [];
      for (let i = 0; i + 1 < v.length; i += 2) {
        const [x, y] = [Number(v[i]), Number(v[i + 1])];
        e = [Math.min(e[0], x), Math.min(e[1], y), Math.max(e[2], x), Math.max(e[3], y)];
      }
    }
    extents.set(art, e);
  }
  return e;
}

/**
 * An illustration element as one vector item: the picture fitted into the box (contain, centred),
 * mirrored when asked, in its own colours or the element's one colour.
 */
export function illustrationItems(
  el: IllustrationElement,
  design: Pick<Design, 'elements'>,
  notes: LayoutNote[],
): VectorItem[] {
  const name = resolvedIllustration(el, design);
  const art = illustrationArt(name);
  if (!art) {
    notes.push({
      elementId: el.id,
      kind: 'empty-slot',
      message: `「${nameOf(el)}」要用的「${name}」不在本软件的插图库中，没有画出；请换一张插图`,
    });
    return [];
  }
  const s = Math.min(el.box.w / art.width, el.box.h / art.height);
  const w = art.width * s;
  const h = art.height * s;
  const x = el.box.x + (el.box.w - w) / 2;
  const y = el.box.y + (el.box.h - h) / 2;
  const [u0, v0, u1, v1] = extent(art);
  // Shapes may reach past the picture's nominal square; the bounds are what is really inked.
  const bx = el.flip ? x + w - u1 * s : x + u0 * s;
  return [
    {
      kind: 'vector',
      elementId: el.id,
      name,
      matrix: el.flip ? [-s, 0, 0, s, x + w, y] : [s, 0, 0, s, x, y],
      bounds: { x: bx, y: y + v0 * s, w: (u1 - u0) * s, h: (v1 - v0) * s },
      shapes: art.shapes.map((sh) => ({
        d: sh.d,
        fill: el.colour ?? { rgb: sh.fill },
        opacity: (sh.opacity ?? 1) * el.opacity,
        evenOdd: sh.evenOdd ?? false,
      })),
    },
  ];
}
