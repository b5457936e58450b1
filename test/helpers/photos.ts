import sharp from 'sharp';

export { noisyPhoto } from '../../bench/noise-photo.mjs';

/** A photo stand-in of one colour (small and quick). */
export const plainPhoto = (widthPx: number, heightPx: number): Promise<Buffer> =>
  sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();
