/*
 * Limits and constants shared by every layer: the CLI, the studio's main side and the page. No
 * imports, so the renderer takes these without pulling the API contract's schemas (and zod) into
 * its bundle. Each number is declared here once; schemas and messages read it from here.
 */

/** Highest resolution of any raster output (a 10 cm sticker at 2400 dpi is still only 9,449 px). */
export const MAX_DPI = 2400;

/**
 * A design file embeds its images (base64), so it may be large; beyond this it is surely not one.
 * One value for the CLI and the studio, so a file one of them saved the other opens.
 */
export const MAX_DESIGN_FILE_BYTES = 300 * 1024 * 1024;

/** Largest image a design may use, in bytes (a 60 MP JPEG is about 25 MB). */
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;

/** Largest image we decode: 80 megapixels (a 6 m banner photo at 45 dpi is ~7 MP). */
export const MAX_IMAGE_PIXELS = 80_000_000;

/** Slogan texts and the like: far more than any banner carries, small enough to reject junk early. */
export const MAX_TEXT_CHARS = 2000;

/** The same in megabytes, for messages. */
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The ranges of the numbers a user edits in the style panel. The element schemas check them at
 * the boundary; the editor's own checks (design/edit.ts) read the same values, so a typed value
 * out of range is refused at once, naming the field.
 */
export const ELEMENT_RANGES = {
  /** Text size, mm (a 10 m banner's characters are at most about 1 m high; this is the hard cap). */
  sizeMm: { min: 0, max: 20_000, label: '字号' },
  /** Extra space between characters, in em. */
  letterSpacing: { min: -0.5, max: 5, label: '字距' },
  /** Line pitch as a multiple of the font size. */
  lineHeight: { min: 0.5, max: 5, label: '行距' },
  /** Outline width, mm. */
  strokeMm: { min: 0, max: 1000, label: '描边宽度' },
} as const;
