import type { Design, PreflightFinding } from '../../core/index.js';
import { nameOf } from '../illustrations.js';
import { glyphBox } from '../fonts/glyph-box.js';
import type { Scene, SceneItem } from '../scene/types.js';

type Pt = [number, number];

/** Points the item's ink reaches out to (corners, outline samples, path hull), in mm. */
function inkPoints(it: SceneItem): Pt[] {
  switch (it.kind) {
    case 'rect':
    case 'gradient': {
      // A rounded corner's ink stops short of the box corner along the diagonal.
      const c = it.kind === 'rect' ? it.r * (1 - Math.SQRT1_2) : 0;
      const pad = it.kind === 'rect' && it.stroke ? it.stroke.widthMm / 2 : 0;
      const [x0, y0, x1, y1] = [it.x + c - pad, it.y + c - pad, it.x + it.w - c + pad, it.y + it.h - c + pad];
      return [
        [x0, y0],
        [x1, y0],
        [x0, y1],
        [x1, y1],
      ];
    }
    case 'image':
      return [
        [it.clip.x, it.clip.y],
        [it.clip.x + it.clip.w, it.clip.y + it.clip.h],
        [it.clip.x + it.clip.w, it.clip.y],
        [it.clip.x, it.clip.y + it.clip.h],
      ];
    case 'ellipse': {
      const pad = it.stroke ? it.stroke.widthMm / 2 : 0;
      return Array.from({ length: 36 }, (_, k): Pt => {
        const a = (k * Math.PI) / 18;
        return [it.cx + (it.rx + pad) * Math.cos(a), it.cy + (it.ry + pad) * Math.sin(a)];
      });
    }
    case 'line':
      return [
        [it.x1, it.y1],
        [it.x2, it.y2],
      ];
    case 'path':
      // The QR code's dark modules: its light square (a rect item) already bounds them.
      return [];
    case 'shape': {
      // Handles bound the curves; the stroke reaches half its width further, any way round.
      const pad = it.stroke ? it.stroke.widthMm / 2 : 0;
      if (!pad) return it.hull;
      return it.hull.flatMap(([x, y]): Pt[] => [
        [x - pad, y],
        [x + pad, y],
        [x, y - pad],
        [x, y + pad],
      ]);
    }
    case 'vector': {
      const v = (
        it.shapes
          .map((s) => s.d)
          .join(' ')
          .match(/-?\d+(?:\.\d+)?/g) ?? []
      ).map(Number);
      const m = it.matrix;
      const pts: Pt[] = [];
      // Absolute M/L/C data is all coordinate pairs; control points bound the curves.
      for (let i = 0; i + 1 < v.length; i += 2)
        pts.push([m[0]! * v[i]! + m[2]! * v[i + 1]! + m[4]!, m[1]! * v[i]! + m[3]! * v[i + 1]! + m[5]!]);
      return pts;
    }
    case 'text': {
      const s = it.sizeMm / it.face.unitsPerEm;
      return it.glyphs.flatMap((g): Pt[] => {
        const b = glyphBox(it.face, g.gid);
        return [
          [g.x + b[0] * s, g.y - b[3] * s],
          [g.x + b[2] * s, g.y - b[3] * s],
          [g.x + b[0] * s, g.y - b[1] * s],
          [g.x + b[2] * s, g.y - b[1] * s],
        ];
      });
    }
  }
}

/** Signed distance from a point to a closed polygon's outline: positive inside (even-odd), negative outside. */
export function polygonInset([px, py]: Pt, poly: readonly Pt[]): number {
  let near = Infinity;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j]!;
    const [bx, by] = poly[i]!;
    if (ay > py !== by > py && px < ax + ((py - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2 || 1;
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2));
    near = Math.min(near, Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)));
  }
  return inside ? near : -near;
}

/** How far inside the cut line a point lies (negative: outside), for the pieces this check covers. */
function cutInset(scene: Scene): ((p: Pt) => number) | null {
  if (scene.shape === 'contour' && scene.contour) {
    const trim = scene.contour.trim;
    return (p) => polygonInset(p, trim);
  }
  if (scene.shape !== 'circle') return null;
  const [cx, cy] = [scene.widthMm / 2, scene.heightMm / 2];
  const r = Math.min(scene.widthMm, scene.heightMm) / 2;
  return ([x, y]) => r - Math.hypot(x - cx, y - cy);
}

/**
 * A die-cut sticker cut round (format shape `circle`) or along a picture (`contour`): the cutter may
 * land up to the safe margin off the line. Text and QR codes must stay that far inside the cut; an
 * ornament must either stay inside it too or run out into the bleed like a ground — one that ends
 * in the margin band (just inside the cut) comes out lopsided or half cut. The picture a contour
 * follows sits exactly its offset inside (its curves' control points would understate that).
 */
export function cutMarginFindings(design: Design, scene: Scene): PreflightFinding[] {
  const f = design.format;
  const inset = cutInset(scene);
  if (!inset) return [];
  const round = scene.shape === 'circle';
  const [line, zone] = round ? ['圆形刀线', '安全圆'] : ['模切刀线', '刀线内的安全区'];
  const followed = f.shape === 'contour' ? f.contour : undefined;
  const least = new Map<string, number>();
  for (const it of scene.items) {
    if (it.elementId === 'background') continue;
    let near = least.get(it.elementId) ?? Infinity;
    if (it.elementId === followed?.element) near = Math.min(near, followed.offsetMm);
    else for (const p of inkPoints(it)) near = Math.min(near, inset(p));
    least.set(it.elementId, near);
  }
  const findings: PreflightFinding[] = [];
  for (const el of design.elements) {
    const near = least.get(el.id);
    if (near === undefined || near >= f.safeMm - 0.05) continue;
    const name = nameOf(el);
    const critical = el.type === 'text' || el.type === 'qr';
    if (critical)
      findings.push({
        severity: 'warning',
        code: 'cut-margin',
        elementId: el.id,
        message: `「${name}」离${line}不足 ${f.safeMm} mm（伸出${zone} ${(f.safeMm - near).toFixed(1)} mm），模切时可能被切到；请把它移向中心或缩小`,
      });
    else if (near > -f.bleedMm / 2)
      findings.push({
        severity: 'warning',
        code: 'cut-margin',
        elementId: el.id,
        message: `装饰「${name}」落在刀线内侧 ${f.safeMm} mm 的模切边距里，切偏一点就会切歪或切掉一半；请把它移进${zone}，或一直铺到出血外`,
      });
  }
  return findings;
}
