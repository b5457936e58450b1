import jsqrModule from 'jsqr';

// jsqr is CommonJS with an `exports.default`: which of the two a default import yields depends on the loader.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
export const jsQR = ((jsqrModule as unknown as { default?: JsQr }).default ?? jsqrModule) as unknown as JsQr;
