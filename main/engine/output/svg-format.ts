import type { Colour } from '../../core/index.js';

/** A number for SVG: 3 decimals (µm in mm units), no "-0". */
export const n = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const paint = (c: Colour): string => c.rgb;
