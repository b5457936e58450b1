import { toCmyk, type Colour } from '../../../core/index.js';

/** A colour as pdfkit takes it: "#RRGGBB" (DeviceRGB) or [c, m, y, k] in 0–100 (DeviceCMYK). */
export type PdfColour = string | [number, number, number, number];

/**
 * Chooses the colour space of one page. In CMYK mode every vector colour goes to the press as
 * DeviceCMYK (the design's explicit CMYK wins, else a device conversion); otherwise the RGB hex.
 * Photos on a CMYK page are converted with libvips' CMYK profile (cmyk-images.ts).
 */
export class Paint {
  constructor(readonly cmyk: boolean) {}

  of(c: Colour): PdfColour {
    return this.cmyk ? toCmyk(c) : c.rgb;
  }

  /** Registration black for crop and alignment marks: all four inks in CMYK, black otherwise. */
  get registration(): PdfColour {
    return this.cmyk ? [100, 100, 100, 100] : '#000000';
  }
}
