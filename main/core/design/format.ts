import { z } from 'zod';
import { MAX_DPI } from '../limits.js';

/** The material families a template is made for (DESIGN.md §5). */
export const KINDS = [
  'banner',
  'vertical-banner',
  'poster',
  'rollup',
  'x-stand',
  'table-card',
  'sign',
  'sticker',
  'tag',
  'wechat',
] as const;
export const KindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof KindSchema>;

/** Largest page side we accept: 100 m covers every cloth banner a print shop makes. */
export const MAX_SIDE_MM = 100_000;

export const FormatSchema = z
  .object({
    widthMm: z.number().positive('宽度必须大于 0').max(MAX_SIDE_MM, '宽度超过 100 米'),
    heightMm: z.number().positive('高度必须大于 0').max(MAX_SIDE_MM, '高度超过 100 米'),
    /** Extra artwork beyond the trim that the cutter may take; 0 for cloth banners. */
    bleedMm: z.number().min(0).max(50).default(0),
    /** Distance from the trim that nothing important should cross (hems, grommets, cutting tolerance). */
    safeMm: z.number().min(0).default(0),
    /** Recommended raster resolution for this size, used when no DPI is asked for. */
    dpi: z.number().positive().max(MAX_DPI, `分辨率至多 ${MAX_DPI} dpi`).default(150),
    colourMode: z.enum(['rgb', 'cmyk']).default('rgb'),
    /** Crop marks in the PDF; only meaningful with bleed. */
    cropMarks: z.boolean().default(false),
    /** Screen formats are defined in pixels; mm then follow from SCREEN_DPI. */
    pixels: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
    /** Typical distance from which people read it; sets the smallest legible text. */
    viewingDistanceM: z.number().positive().max(100).default(2),
    /**
     * The trim's shape: round die-cut stickers are circles; `contour` pieces are cut along the
     * outline of a picture grown by an offset (`contour`); others along the rectangle.
     */
    shape: z.enum(['rect', 'circle', 'contour']).default('rect'),
    /** For `shape: contour`: the illustration element whose outline, `offsetMm` out, is the cut. */
    contour: z
      .object({
        element: z.string().min(1),
        offsetMm: z.number().min(0.5, '刀线离插图至少 0.5 毫米').max(20, '刀线离插图至多 20 毫米').default(3),
      })
      .optional(),
    /** Corner radius of a rectangular trim (a hanging tag's rounded corners), mm. */
    cornerMm: z.number().min(0).max(1000).default(0),
    /**
     * Where a platform crops a shared image, so key content must lie inside: a WeChat article
     * cover shows only its centre square when forwarded (DESIGN.md §5).
     */
    keyArea: z.enum(['centre-square']).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.shape === 'contour' && !f.contour)
      ctx.addIssue({
        code: 'custom',
        path: ['contour'],
        message: '沿插图模切的贴纸需要写明沿哪个插图（contour.element）',
      });
    if (f.safeMm * 2 >= Math.min(f.widthMm, f.heightMm)) {
      ctx.addIssue({ code: 'custom', path: ['safeMm'], message: '安全边距过大，版面内已无可用区域' });
    }
  });
export type Format = z.infer<typeof FormatSchema>;
