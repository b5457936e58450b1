import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderDesigns } from '../../../main/engine/render.js';
import { listTemplates } from '../../../main/engine/templates.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { jsQR } from '../../helpers/jsqr.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { filledTemplate, sanmingProfile } from '../../helpers/profile.js';

const profile = sanmingProfile();
const withQr = listTemplates().filter((t) => t.elements.some((e) => e.type === 'qr'));

/** Decodes the one QR code in an RGBA image, or null. */
const decode = (rgba: Uint8ClampedArray, w: number, h: number) => jsQR(rgba, w, h)?.data ?? null;

/**
 * Every template's QR code, filled from the unit profile, scans at the size it is printed: from
 * the PNG at the format's dpi, and from the PDF as MuPDF draws it at that dpi. The region around
 * the code (its box and a margin) is what a phone camera sees.
 */
describe.each(withQr.map((t) => [t.id, t] as const))('QR of %s', (id, t) => {
  const design = filledTemplate(id);
  const el = design.elements.find((e) => e.type === 'qr')!;
  if (el.type !== 'qr') throw new Error('no QR');
  const expected = el.bind === 'qr.wechat' ? profile.qr.wechat : profile.qr.app;
  const dpi = t.format.dpi;
  const margin = el.box.w * 0.15;
  const region = { x: el.box.x - margin, y: el.box.y - margin, w: el.box.w + 2 * margin, h: el.box.h + 2 * margin };

  it(`decodes from the PNG at ${dpi} dpi`, async () => {
    const png = join(OUT_DIR, `qr-${id}.png`);
    await renderDesigns([design], { out: png, dpi, allowPlaceholder: true, bleed: false });
    const k = dpi / 25.4;
    const { data, info } = await sharp(png)
      .extract({
        left: Math.floor(region.x * k),
        top: Math.floor(region.y * k),
        width: Math.ceil(region.w * k),
        height: Math.ceil(region.h * k),
      })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(decode(new Uint8ClampedArray(data), info.width, info.height)).toBe(expected);
  });

  it(`decodes from the print PDF rasterised by MuPDF at ${dpi} dpi`, async () => {
    const path = join(OUT_DIR, `qr-${id}.pdf`);
    await renderDesigns([design], { out: path, allowPlaceholder: true });
    const pdf = PdfReader.open(path);
    const r = pdf.rasterise(0, dpi, { box: 'TrimBox', regionMm: region });
    pdf.close();
    expect(decode(r.data, r.width, r.height)).toBe(expected);
  });
});
