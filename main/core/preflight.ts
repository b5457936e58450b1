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
  ]),
  elementId: z.string(),
  message: z.string(),
});
export type PreflightFinding = z.infer<typeof PreflightFindingSchema>;

export const PreflightReportSchema = z.object({
  design: z.string(),
  ok: z.boolean(),
  findings: z.array(PreflightFindingSchema),
});
export type PreflightReport = z.infer<typeof PreflightReportSchema>;
