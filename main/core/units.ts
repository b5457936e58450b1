// Physical units, declared once. Designs are stored in millimetres; PDF speaks points, rasters pixels.
export const MM_PER_INCH = 25.4;
export const PT_PER_MM = 72 / MM_PER_INCH;
/** Pixels of a screen format are laid out at this nominal density (CSS px). */
export const SCREEN_DPI = 96;

export const mmToPx = (mm: number, dpi: number): number => (mm / MM_PER_INCH) * dpi;
export const pxToMm = (px: number, dpi: number): number => (px / dpi) * MM_PER_INCH;

/**
 * Whole pixels covering a length. Rounded up, so the last part-covered pixel is drawn (as the
 * peers and print RIPs do); the epsilon keeps exact products such as 1080 px from becoming 1081.
 */
export const pxCover = (mm: number, dpi: number): number => Math.max(1, Math.ceil(mmToPx(mm, dpi) - 1e-6));
