/** A camera-like JPEG of noise (about a byte a pixel at quality 95). */
export function noisyPhoto(widthPx: number, heightPx: number, quality?: number): Promise<Buffer>;
