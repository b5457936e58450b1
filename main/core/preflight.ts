import { z } from 'zod';

/** One preflight (印前检查) finding; `elementId` names the element it is about. */
export const PreflightFindingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.enum([
    'text-overflow',
    'missing-glyph',
    'outside-safe-area',
    'low-image-dpi',
    'text-too-small',
    'low-contrast',
    'font-substituted',
    'empty-slot',
    /** A template's sample still in place (docs/templates.md): never printed. */
    'placeholder',
    /** Key content outside what the platform shows (a WeChat cover's centre square). */
    'outside-key-area',
    /** An ornament or text inside a die-cut piece's cut margin. */
    'cut-margin',
    /** A QR code with less than the standard 4-module light margin. */
    'qr-quiet-zone',
    'font-fallback',
    'word-split',
    'single-character-line',
    'halves-not-kept',
  ]),
  elementId: z.string(),
  message: z.string(),
});
export type PreflightFinding = z.infer<typeof PreflightFindingSchema>;

/** How one text element was set: its size and the text of each line (column) as laid out. */
export const TextLinesSchema = z.object({
  elementId: z.string(),
  label: z.string().optional(),
  sizeMm: z.number(),
  vertical: z.boolean(),
  lines: z.array(z.string()),
});
export type TextLines = z.infer<typeof TextLinesSchema>;

export const PreflightReportSchema = z.object({
  design: z.string(),
  ok: z.boolean(),
  findings: z.array(PreflightFindingSchema),
  /** Every text element's lines, in design order. */
  text: z.array(TextLinesSchema),
});
export type PreflightReport = z.infer<typeof PreflightReportSchema>;
