/** Pixel comparison of two RGBA or RGB buffers of the same size. */
export interface Diff {
  /** Mean absolute difference per channel, 0–255. */
  mean: number;
  /** Share of pixels where some channel differs by more than 64 (a visibly different pixel). */
  badShare: number;
}

export function diff(
  a: Uint8Array | Uint8ClampedArray,
  aChannels: number,
  b: Uint8Array | Uint8ClampedArray,
  bChannels: number,
  width: number,
  height: number,
  aStride = width,
  bStride = width,
): Diff {
  let sum = 0;
  let bad = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ia = (y * aStride + x) * aChannels;
      const ib = (y * bStride + x) * bChannels;
      let worst = 0;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(a[ia + c]! - b[ib + c]!);
        sum += d;
        if (d > worst) worst = d;
      }
      if (worst > 64) bad++;
    }
  }
  const n = width * height;
  return { mean: sum / (n * 3), badShare: bad / n };
}
