import { deflateSync } from 'node:zlib';
import type { PreparedImage } from '../../assets/prepare.js';
import { newRef, type Doc, type PdfImage, type PdfRef } from './context.js';

/*
 * Photos and pictures in a print PDF go to the press in CMYK like every vector colour: a file that
 * is otherwise DeviceCMYK keeps no DeviceRGB object for the RIP to convert its own way. They are
 * converted once, before drawing, by libvips through lcms with its built-in `cmyk` profile (the
 * same profile the PDF names as its output intent, output-intent.ts): from the image's own ICC
 * profile, or sRGB when it has none. A JPEG stays a JPEG (DCTDecode, CMYK, quality 92, no chroma
 * subsampling); a PNG becomes deflated CMYK samples (no JPEG blur on a logo's edges), its alpha a
 * soft mask, so a transparent logo still shows the ground under it.
 */

export interface CmykImage {
  widthPx: number;
  heightPx: number;
  /** CMYK samples: a JPEG (DCTDecode) or deflated bytes (FlateDecode). */
  data: Buffer;
  filter: 'DCTDecode' | 'FlateDecode';
  /** Deflated 8-bit alpha, when the source has any transparency. */
  alpha?: Buffer;
}

/** JPEG quality of converted photos: visually lossless at print resolution. */
export const CMYK_JPEG_QUALITY = 92;

async function convert(img: PreparedImage): Promise<CmykImage> {
  const sharp = (await import('sharp')).default;
  const base = sharp(img.data, { limitInputPixels: false });
  const size = { widthPx: img.widthPx, heightPx: img.heightPx };
  if (img.mime === 'image/jpeg') {
    const data = await base
      .withIccProfile('cmyk', { attach: false })
      .jpeg({ quality: CMYK_JPEG_QUALITY, chromaSubsampling: '4:4:4' })
      .toBuffer();
    return { ...size, data, filter: 'DCTDecode' };
  }
  const [cmyk, alpha] = await Promise.all([
    base.clone().removeAlpha().withIccProfile('cmyk', { attach: false }).raw().toBuffer(),
    base.clone().ensureAlpha().extractChannel(3).raw().toBuffer(),
  ]);
  const opaque = alpha.every((a) => a === 255);
  return {
    ...size,
    data: deflateSync(cmyk),
    filter: 'FlateDecode',
    ...(opaque ? {} : { alpha: deflateSync(alpha) }),
  };
}

/** CMYK versions of the given images, by SHA-256 (each converted once). */
export async function cmykImages(images: Iterable<PreparedImage>): Promise<Map<string, CmykImage>> {
  const unique = new Map<string, PreparedImage>();
  for (const img of images) unique.set(img.sha256, img);
  const out = new Map<string, CmykImage>();
  // One at a time: a 20-megapixel photo decoded is 80 MB; two cores are shared anyway.
  for (const [sha, img] of unique) out.set(sha, await convert(img));
  return out;
}

let counter = 0;

/**
 * The image as a PDF image XObject, in the shape pdfkit's `image()` takes (an opened image with
 * its object already written): /DeviceCMYK, its soft mask if any.
 */
export function embedCmykImage(doc: Doc, img: CmykImage): PdfImage {
  const common = { Type: 'XObject', Subtype: 'Image', Width: img.widthPx, Height: img.heightPx, BitsPerComponent: 8 };
  let smask: PdfRef | undefined;
  if (img.alpha) {
    smask = newRef(doc, { ...common, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
    smask.end(img.alpha);
  }
  const obj = newRef(doc, {
    ...common,
    ColorSpace: 'DeviceCMYK',
    Filter: img.filter,
    // libvips writes CMYK JPEGs as Photoshop does, inverted (with an Adobe marker), and PDF
    // readers take DCT samples literally: the Decode array turns them back.
    ...(img.filter === 'DCTDecode' ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
    ...(smask ? { SMask: smask } : {}),
  });
  obj.end(img.data);
  const image = { width: img.widthPx, height: img.heightPx, obj, label: `ICmyk${++counter}`, embed: () => undefined };
  return image as PdfImage;
}
