import { StudioError } from './errors.js';
import { MAX_IMAGE_PIXELS } from './limits.js';

/**
 * An image past the pixel cap is too large, not broken: say its size and the limit (checked from
 * the header, before anything is decoded). `name` is how the user knows the image.
 */
export function checkPixels(name: string, widthPx: number, heightPx: number): void {
  const pixels = widthPx * heightPx;
  if (pixels <= MAX_IMAGE_PIXELS) return;
  throw new StudioError(
    'too-large',
    `${name}太大：${widthPx}×${heightPx} 像素，共 ${Math.round(pixels / 1e4)} 万像素，上限 ${MAX_IMAGE_PIXELS / 1e4} 万像素`,
    ['请先把图片缩小（例如用画图或 WPS 图片工具调整大小）再用'],
  );
}
