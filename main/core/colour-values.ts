import type { Colour } from './colour.js';

/*
 * Colour values without the schema (colour.ts): presets, press values and contrast. No runtime
 * imports, so the page's colour field uses them without pulling zod into its bundle.
 */

/** Named print colours: the RGB is what screens show, the CMYK what the press gets. */
export const COLOUR_PRESETS = {
  /** 大红: the print red of cloth banners, M100 Y100. */
  'print-red': { rgb: '#E60012', cmyk: [0, 100, 100, 0] },
  /** Rich black for large areas; plain K looks grey on cloth and paper. */
  'rich-black': { rgb: '#1A1A1A', cmyk: [50, 50, 50, 100] },
  black: { rgb: '#000000', cmyk: [0, 0, 0, 100] },
  white: { rgb: '#FFFFFF', cmyk: [0, 0, 0, 0] },
  /** 金黄: the yellow of characters on red banners. */
  'banner-yellow': { rgb: '#FFE600', cmyk: [0, 0, 100, 0] },
  /** 警察蓝. */
  'police-blue': { rgb: '#003A8C', cmyk: [100, 80, 0, 10] },
} as const satisfies Record<string, { rgb: string; cmyk: readonly [number, number, number, number] }>;

export type ColourPresetName = keyof typeof COLOUR_PRESETS;

/** "#abc" → "#AABBCC". */
export function expandHex(hex: string): string {
  const h = hex.slice(1);
  const full = h.length === 3 ? [...h].map((ch) => ch + ch).join('') : h;
  return `#${full.toUpperCase()}`;
}

export function rgbBytes(c: Colour): [number, number, number] {
  const n = parseInt(c.rgb.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * CMYK for the press: the explicit value when the design gives one, otherwise a plain
 * device conversion with full grey-component replacement (no ICC profile is shipped).
 */
export function toCmyk(c: Colour): [number, number, number, number] {
  if (c.cmyk) return [...c.cmyk];
  const [r, g, b] = rgbBytes(c).map((v) => v / 255) as [number, number, number];
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return [0, 0, 0, 100];
  const f = (v: number) => Math.round(((1 - v - k) / (1 - k)) * 1000) / 10;
  return [f(r), f(g), f(b), Math.round(k * 1000) / 10];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two luminances, 1 to 21. */
export function contrastRatio(l1: number, l2: number): number {
  const [hi, lo] = l1 > l2 ? [l1, l2] : [l2, l1];
  return (hi + 0.05) / (lo + 0.05);
}
