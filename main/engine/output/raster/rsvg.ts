import sharp from 'sharp';

/**
 * librsvg's drawing of a tile's SVG (through sharp) as raw pixels: RGB (an opaque tile), RGBA with
 * straight alpha (a layer to composite), or the alpha alone (a clip's coverage).
 */
export async function rsvgPixels(svg: string, w: number, h: number, out: 'rgb' | 'rgba' | 'alpha'): Promise<Buffer> {
  let p = sharp(Buffer.from(svg), { unlimited: true, limitInputPixels: false });
  p = out === 'rgb' ? p.removeAlpha() : out === 'alpha' ? p.ensureAlpha().extractChannel(3) : p.ensureAlpha();
  const { data, info } = await p.raw().toBuffer({ resolveWithObject: true });
  const channels = out === 'rgb' ? 3 : out === 'alpha' ? 1 : 4;
  if (info.width !== w || info.height !== h || info.channels !== channels) {
    throw new Error(`tile rendered as ${info.width}×${info.height}×${info.channels}, expected ${w}×${h}×${channels}`);
  }
  return data;
}
