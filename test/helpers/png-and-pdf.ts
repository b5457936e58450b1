import sharp, { type OutputInfo } from 'sharp';
import type { Design } from '../../main/core/index.js';
import { renderDesigns } from '../../main/engine/render.js';
import { PdfReader, type Raster } from './pdf-reader.js';

/**
 * A design written as a PNG at `dpi` and as a PDF rasterised by MuPDF at the same dpi: the two
 * pictures a WYSIWYG check compares (`base` + `.png` / `.pdf`).
 */
export async function pngAndPdf(
  d: Design,
  base: string,
  dpi: number,
): Promise<{ png: { data: Buffer; info: OutputInfo }; pdf: Raster }> {
  await renderDesigns([d], { out: `${base}.png`, dpi });
  await renderDesigns([d], { out: `${base}.pdf` });
  const png = await sharp(`${base}.png`).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const reader = PdfReader.open(`${base}.pdf`);
  const pdf = reader.rasterise(0, dpi);
  reader.close();
  return { png, pdf };
}
