import sharp from 'sharp';
import type { Design } from '../../main/core/index.js';
import { renderRaster } from '../../main/engine/output/raster/render-raster.js';
import { buildScene } from '../../main/engine/scene/build-scene.js';

/** A design's PNG with its bleed drawn, and its alpha read back by mm from the media's corner. */
export async function writeRasterWithBleed(design: Design, out: string) {
  const { scene } = buildScene(design);
  await renderRaster(scene, out, { format: 'png', bleed: true });
  const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
  const k = 300 / 25.4;
  return {
    width: info.width,
    alphaAt: (xMm: number, yMm: number) => data[(Math.floor(yMm * k) * info.width + Math.floor(xMm * k)) * 4 + 3],
  };
}
