import sharp from 'sharp';

/**
 * A camera-like JPEG: noise, so it compresses as badly as a real photo (about a byte a pixel at
 * quality 95). 5,000 × 4,000 gives a photo of about 20 MB. Used by the bench and the tests.
 */
export async function noisyPhoto(widthPx, heightPx, quality = 95) {
  const raw = Buffer.alloc(widthPx * heightPx * 3);
  let x = 0x9e3779b9;
  for (let i = 0; i < raw.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = x & 0xff;
  }
  return sharp(raw, { raw: { width: widthPx, height: heightPx, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}
