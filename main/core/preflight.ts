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
