import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MM_PER_INCH } from '../../../main/core/index.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { diff } from '../../helpers/image-diff.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { goldenTemplates } from '../../helpers/golden.js';
import { filledTemplate } from '../../helpers/profile.js';
import { likeShapedRaster } from '../../helpers/trim-shape-mask.js';

const GOLDEN = join(import.meta.dirname, '..', '..', 'golden');

/**
 * The PDF golden: the PDF of each golden template (one per kind and style), read back and
 * rasterised by a real PDF reader (MuPDF), against the same PNG golden the raster writer is held to
 * (golden.test.ts: the template with a unit's profile in). A change that only the PDF writer makes
 * (a shifted box, a lost shape or glyph, a wrong colour) fails here. Text is drawn as outlines (转曲)
 * so both readers fill the same paths; real text in the PDF is read back against the PNG at print
 * dpi by wysiwyg.test.ts and placed to 0.01 mm by pdf-write.test.ts.
 */
describe('golden renders of each kind and style, as PDF read by MuPDF', () => {
  for (const t of goldenTemplates()) {
    it.skipIf(!existsSync(join(GOLDEN, `${t.id}.png`)))(t.id, async () => {
      const long = Math.max(t.format.widthMm, t.format.heightMm);
      const dpi = Math.round((400 / long) * MM_PER_INCH * 1000) / 1000;
      const out = join(OUT_DIR, `golden-pdf-${t.id}.pdf`);
      const design = filledTemplate(t.id);
      await renderDesigns([design], {
        out,
        cmyk: false,
        bleed: false,
        outlineText: true,
        cutContour: false,
        allowPlaceholder: true,
      });
      const reader = PdfReader.open(out);
      const page = reader.rasterise(0, dpi, { box: 'TrimBox' });
      reader.close();
      const golden = await sharp(join(GOLDEN, `${t.id}.png`))
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(Math.abs(page.width - golden.info.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(page.height - golden.info.height)).toBeLessThanOrEqual(1);
      // Both round the trim up to whole pixels; the part-covered last row and column are left out.
      const whole = (mm: number) => Math.floor((mm / MM_PER_INCH) * dpi + 1e-6);
      const w = Math.min(page.width, golden.info.width, whole(t.format.widthMm));
      const h = Math.min(page.height, golden.info.height, whole(t.format.heightMm));
      // A die-cut piece's PNG is the piece as cut (white outside its outline); its PDF page is the square.
      likeShapedRaster(
        { ...t.format, contour: buildScene(design).scene.contour },
        dpi,
        { data: page.data, channels: 4, width: page.width },
        { data: golden.data, channels: 3, width: golden.info.width },
        w,
        h,
      );
      const r = diff(golden.data, 3, page.data, 4, w, h, golden.info.width, page.width);
      // Measured: mean ≤ 0.97/255 and no visibly different pixel on every template (cairo and
      // MuPDF anti-alias edges a level or two apart); a moved box or glyph, a lost shape or a
      // wrong colour turns whole strokes. A photo, logo or mascot is resampled by each reader with
      // its own filter, so the outline of a large one differs (0.38 % of pixels: the grid image's
      // mascot); the PNG golden holds the raster writer to it exactly.
      const images = design.elements.some((e) => e.type === 'image' && e.asset);
      expect(r.mean, `mean difference ${r.mean.toFixed(3)}/255`).toBeLessThan(1.5);
      expect(r.badShare, `visibly different pixels ${r.badShare}`).toBeLessThan(images ? 0.006 : 0.002);
    });
  }
});
