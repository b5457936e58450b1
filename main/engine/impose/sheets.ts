import { StudioError } from '../../core/index.js';

/** A press sheet, portrait (w ≤ h); the planner tries it both ways round. */
export interface SheetSize {
  /** a4, a3, sra3, or "320x450" for a custom sheet. */
  name: string;
  /** What the shop calls it, for labels and the order. */
  label: string;
  widthMm: number;
  heightMm: number;
}

/**
 * The sheets small pieces are imposed on: A4 (office and digital presses), A3, and SRA3 (320 × 450,
 * the digital press sheet with room for grippers and marks around an A3 trim).
 */
export const SHEETS: Record<'a4' | 'a3' | 'sra3', SheetSize> = {
  a4: { name: 'a4', label: 'A4', widthMm: 210, heightMm: 297 },
  a3: { name: 'a3', label: 'A3', widthMm: 297, heightMm: 420 },
  sra3: { name: 'sra3', label: 'SRA3', widthMm: 320, heightMm: 450 },
};

/** Largest custom sheet: a B1 press sheet (707 × 1000 mm) and some. */
const MAX_SHEET_MM = 1200;

/** "a3", "SRA3", or a custom "宽x高" in mm ("320x464", "320×464", "320*464"). */
export function parseSheet(spec: string): SheetSize {
  const key = spec.trim().toLowerCase();
  if (key in SHEETS) return SHEETS[key as keyof typeof SHEETS];
  const m = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)$/.exec(key);
  if (!m)
    throw new StudioError('invalid-input', `纸张「${spec}」无法识别`, [
      '请写 a4、a3、sra3，或自定义尺寸如 320x464（毫米）',
    ]);
  const [a, b] = [Number(m[1]), Number(m[2])];
  const w = Math.min(a, b);
  const h = Math.max(a, b);
  if (w < 50 || h > MAX_SHEET_MM)
    throw new StudioError('invalid-input', `纸张 ${spec} 毫米不合适：每边应在 50 到 ${MAX_SHEET_MM} 毫米之间`);
  return { name: `${w}x${h}`, label: `${w}×${h} mm`, widthMm: w, heightMm: h };
}
