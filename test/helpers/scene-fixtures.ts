import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Colour } from '../../main/core/index.js';
import type { PreparedImage } from '../../main/engine/assets/prepare.js';
import { bundledFaces } from '../../main/engine/fonts/bundled.js';
import { openFace, type Face } from '../../main/engine/fonts/face.js';
import type { PlacedGlyph, Scene, SceneItem, StrokePaint, TextRunItem } from '../../main/engine/scene/types.js';

/** Hand-built scenes for writer tests: no layout engine involved, glyphs placed with fontkit. */

export const RED: Colour = { rgb: '#E60012', cmyk: [0, 100, 100, 0] };
export const YELLOW: Colour = { rgb: '#FFE600', cmyk: [0, 0, 100, 0] };
export const WHITE: Colour = { rgb: '#FFFFFF', cmyk: [0, 0, 0, 0] };
export const BLUE: Colour = { rgb: '#003A8C' };

/** A bundled face by family and weight (Noto Sans SC 400/700/900, Noto Serif SC 700/900). */
export function face(weight = 400, family = 'Noto Sans SC'): Face {
  const src = bundledFaces().find((f) => f.family === family && f.weight === weight);
  if (!src) throw new Error(`no bundled ${family} ${weight}`);
  return openFace(src);
}

export interface RunOptions {
  x: number;
  /** Baseline, mm. */
  y: number;
  sizeMm: number;
  face?: Face;
  fill?: Colour;
  stroke?: StrokePaint;
  spacingMm?: number;
  /** Vertical writing: one glyph per em down from (x, y), placed one by one. */
  vertical?: boolean;
}

/** A text run laid out as the scene builder does: fontkit shaping, advances in mm. */
export function textRun(text: string, o: RunOptions): TextRunItem {
  const f = o.face ?? face();
  const s = o.sizeMm / f.unitsPerEm;
  const spacing = o.spacingMm ?? 0;
  const glyphs: PlacedGlyph[] = [];
  if (o.vertical) {
    [...text].forEach((ch, i) => {
      const g = f.font.layout(ch).glyphs[0];
      glyphs.push({ gid: g?.id ?? 0, x: o.x, y: o.y + i * (o.sizeMm + spacing), text: ch });
    });
  } else {
    const run = f.font.layout(text);
    let pen = o.x;
    run.glyphs.forEach((g, i) => {
      const p = run.positions[i];
      glyphs.push({
        gid: g.id,
        x: pen + (p?.xOffset ?? 0) * s,
        y: o.y - (p?.yOffset ?? 0) * s,
        text: String.fromCodePoint(...g.codePoints),
      });
      pen += (p?.xAdvance ?? 0) * s + spacing;
    });
  }
  const item: TextRunItem = {
    kind: 'text',
    elementId: 'text',
    face: f,
    sizeMm: o.sizeMm,
    spacingMm: spacing,
    together: !o.vertical,
    text,
    glyphs,
    fill: o.fill ?? { rgb: '#000000' },
  };
  if (o.stroke) item.stroke = o.stroke;
  return item;
}

/** Width of a horizontal run in mm (sum of advances and spacing). */
export function runWidth(t: TextRunItem): number {
  const last = t.glyphs[t.glyphs.length - 1];
  const first = t.glyphs[0];
  if (!last || !first) return 0;
  const adv = t.face.font.layout(t.text).positions.at(-1)?.xAdvance ?? 0;
  return last.x - first.x + (adv * t.sizeMm) / t.face.unitsPerEm;
}

/** A scene with defaults: A2 portrait, 3 mm bleed, CMYK, crop marks, no items. */
export function scene(over: Partial<Scene> = {}): Scene {
  return {
    name: '测试海报',
    widthMm: 420,
    heightMm: 594,
    bleedMm: 3,
    safeMm: 5,
    dpi: 150,
    colourMode: 'cmyk',
    cropMarks: true,
    viewingDistanceM: 1,
    items: [],
    notes: [],
    ...over,
  };
}

/** A rectangle covering the trim and bleed. */
export function background(s: Pick<Scene, 'widthMm' | 'heightMm' | 'bleedMm'>, fill: Colour): SceneItem {
  const b = s.bleedMm;
  return { kind: 'rect', elementId: 'bg', x: -b, y: -b, w: s.widthMm + 2 * b, h: s.heightMm + 2 * b, r: 0, fill };
}

/** The market poster: red ground, a yellow slogan with a white outline, a smaller line below. */
export function sloganPoster(over: Partial<Scene> = {}): Scene {
  const base = scene(over);
  const big = textRun('白菜青菜油麦菜', {
    x: 35,
    y: 200,
    sizeMm: 50,
    face: face(900),
    fill: YELLOW,
    stroke: { colour: WHITE, widthMm: 3 },
  });
  const small = textRun('陌生来电不轻信 96110', { x: 60, y: 300, sizeMm: 25, fill: WHITE, spacingMm: 1 });
  return { ...base, items: [background(base, RED), big, small, ...(over.items ?? [])] };
}

/** A solid-colour image, PNG (with alpha) or JPEG, ready for an ImageItem. */
export async function solidImage(
  width: number,
  height: number,
  rgb: [number, number, number],
  format: 'png' | 'jpeg' = 'png',
): Promise<PreparedImage> {
  const img = sharp({
    create: {
      width,
      height,
      channels: format === 'png' ? 4 : 3,
      background: { r: rgb[0], g: rgb[1], b: rgb[2], alpha: 1 },
    },
  });
  const data = format === 'png' ? await img.png().toBuffer() : await img.jpeg({ quality: 95 }).toBuffer();
  return {
    assetId: `solid-${rgb.join('-')}`,
    mime: format === 'png' ? 'image/png' : 'image/jpeg',
    data,
    widthPx: width,
    heightPx: height,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}
