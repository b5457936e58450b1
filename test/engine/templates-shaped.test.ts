import { describe, expect, it } from 'vitest';
import { preflight } from '../../main/engine/preflight/preflight.js';
import { buildScene } from '../../main/engine/scene/build-scene.js';
import { trimArea } from '../../main/engine/scene/trim-shape.js';
import type { VectorItem } from '../../main/engine/scene/types.js';
import { listTemplates } from '../../main/engine/templates.js';
import { JINGLES, withSlogan } from '../helpers/jingles.js';
import { filledTemplate } from '../helpers/profile.js';

/*
 * The gallery's stickers cut along their picture (format shape `contour`, docs/print.md): the cut
 * is traced round the picture the format names, whatever jingle the station types, and the text
 * stays the safe margin inside it.
 */
const shaped = listTemplates().filter((t) => t.format.shape === 'contour');

describe('shaped die-cut stickers in the gallery', () => {
  it('there are some, each cut along a picture of its own', () => {
    expect(shaped.map((t) => t.id)).toEqual([
      'sticker-shaped-cabbage-70',
      'sticker-shaped-egg-70',
      'sticker-shaped-fish-70',
    ]);
    for (const t of shaped) {
      const picture = t.elements.find((e) => e.id === t.format.contour?.element);
      expect(picture?.type, t.id).toBe('illustration');
      // The card, title and 96110 are placed for this silhouette: a jingle naming other goods must
      // not swap the picture (and the cut) from under them.
      expect(picture?.type === 'illustration' && picture.follow, t.id).toBeUndefined();
    }
  });

  it.each(shaped.map((t) => [t.id] as const))(
    '%s: the cut is traced 4 mm round the picture, and is the picture, not its square',
    (id) => {
      const { scene } = buildScene(filledTemplate(id));
      expect(scene.notes).toEqual([]);
      const { trim } = scene.contour!;
      const picture = scene.items.find((it): it is VectorItem => it.kind === 'vector' && it.elementId === 'picture')!;
      const xs = trim.map((p) => p[0]);
      const ys = trim.map((p) => p[1]);
      // Within the sheet, and no further from the picture's box than the offset.
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(Math.max(0, picture.bounds.x - 4.1));
      expect(Math.max(...xs)).toBeLessThanOrEqual(Math.min(70, picture.bounds.x + picture.bounds.w + 4.1));
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(Math.max(0, picture.bounds.y - 4.1));
      expect(Math.max(...ys)).toBeLessThanOrEqual(Math.min(70, picture.bounds.y + picture.bounds.h + 4.1));
      const area = trimArea(scene);
      expect(area).toBeGreaterThan(0.4 * 70 * 70);
      expect(area).toBeLessThan(0.85 * 70 * 70);
    },
  );

  it.each(shaped.map((t) => [t.id] as const))(
    '%s: every jingle of the set keeps the text the safe margin inside the cut',
    async (id) => {
      for (const j of JINGLES) {
        const r = await preflight(withSlogan(filledTemplate(id), j));
        expect(
          r.findings.filter((f) => f.code === 'cut-margin' || f.code === 'outside-safe-area'),
          j,
        ).toEqual([]);
      }
    },
  );
});
