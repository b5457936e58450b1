import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderDesigns } from '../../../main/engine/render.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { diff } from '../../helpers/image-diff.js';
import { goldenTemplates } from '../../helpers/golden.js';
import { filledTemplate } from '../../helpers/profile.js';

const GOLDEN = join(import.meta.dirname, '..', '..', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * One template of each kind and style (helpers/golden.ts) rendered about 400 px on its long side,
 * with a real unit's profile in (samples no profile fills — a date, a place, a photo — stay):
 * enough to see any layout change.
 */
describe('golden renders of each kind and style', () => {
  for (const t of goldenTemplates()) {
    it(t.id, async () => {
      const long = Math.max(t.format.widthMm, t.format.heightMm);
      const dpi = Math.round((400 / long) * 25.4 * 1000) / 1000;
      const out = join(OUT_DIR, `golden-${t.id}.png`);
      await renderDesigns([filledTemplate(t.id)], { out, dpi, allowPlaceholder: true });
      const golden = join(GOLDEN, `${t.id}.png`);
      if (UPDATE || !existsSync(golden)) {
        writeFileSync(golden, await sharp(out).png().toBuffer());
        if (!UPDATE) throw new Error(`no golden image for ${t.id}: written now, look at it and commit it`);
      }
      const [a, b] = await Promise.all(
        [out, golden].map((f) => sharp(f).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
      );
      expect([a!.info.width, a!.info.height]).toEqual([b!.info.width, b!.info.height]);
      const r = diff(a!.data, 3, b!.data, 3, a!.info.width, a!.info.height);
      // Tolerance: a different librsvg/cairo build may anti-alias edges a level or two apart; any
      // change of layout (a moved line, another size, a lost glyph) moves whole strokes.
      expect(r.mean, `mean difference ${r.mean.toFixed(3)}/255`).toBeLessThan(0.5);
      expect(r.badShare).toBeLessThan(0.002);
    });
  }
});
