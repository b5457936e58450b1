import { z } from 'zod';
import { SCREEN_DPI, MM_PER_INCH } from '../units.js';
import { checkUniqueIds } from '../unique-ids.js';
import { FormatSchema, KindSchema, type Format } from './format.js';

/*
 * The format catalogue (templates/formats.json): the sizes officers order from print shops and
 * post to WeChat, each with its print defaults (DESIGN.md §5). A catalogue entry is a Format
 * plus an id, a kind, a Chinese title and notes for the print shop.
 */

export const FORMAT_CATALOGUE_SCHEMA_ID = 'campaign-studio/formats';
export const FORMAT_CATALOGUE_VERSION = 1;

/** How close a template's size must be to a catalogue entry's to be that format, mm. */
export const FORMAT_MATCH_TOLERANCE_MM = 0.01;

/** Millimetres of a screen format's pixel length (laid out at SCREEN_DPI). */
export const screenPxToMm = (px: number): number => (px * MM_PER_INCH) / SCREEN_DPI;

/**
 * Recommended 喷绘 (large-format inkjet) resolution of a cloth banner by its area: 1–30 m² 45 dpi,
 * 30–180 m² 22.5 dpi, larger 11.25 dpi (DESIGN.md §5).
 */
export function pressDpiForArea(areaM2: number): number {
  if (areaM2 <= 30) return 45;
  if (areaM2 <= 180) return 22.5;
  return 11.25;
}

export const FormatEntrySchema = FormatSchema.safeExtend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '规格编号应为小写字母、数字和 -'),
  kind: KindSchema,
  /** Chinese name shown in the format picker, e.g. 横幅 70×600 cm. */
  title: z.string().min(1).max(60),
  /** For the officer and the print shop: material, hems, what the stand hides. */
  notes: z.string().max(400).default(''),
}).superRefine((f, ctx) => {
  if (f.pixels) {
    for (const [side, px] of [
      ['widthMm', f.pixels.width],
      ['heightMm', f.pixels.height],
    ] as const) {
      if (Math.abs(f[side] - screenPxToMm(px)) > FORMAT_MATCH_TOLERANCE_MM) {
        ctx.addIssue({
          code: 'custom',
          path: [side],
          message: `屏幕规格的毫米尺寸应为 像素 × 25.4 / ${SCREEN_DPI}（${screenPxToMm(px).toFixed(4)}）`,
        });
      }
    }
  }
});
export type FormatEntry = z.infer<typeof FormatEntrySchema>;
export type FormatEntryInput = z.input<typeof FormatEntrySchema>;

export const FormatCatalogueSchema = z
  .object({
    schema: z.literal(FORMAT_CATALOGUE_SCHEMA_ID, {
      message: `不是规格目录文件（schema 应为 "${FORMAT_CATALOGUE_SCHEMA_ID}"）`,
    }),
    version: z.literal(FORMAT_CATALOGUE_VERSION, {
      message: `不支持的规格目录版本（本程序读取版本 ${FORMAT_CATALOGUE_VERSION}）`,
    }),
    formats: z.array(FormatEntrySchema).min(1),
  })
  .superRefine((c, ctx) => void checkUniqueIds(c.formats, 'formats', '规格编号', ctx));
export type FormatCatalogue = z.infer<typeof FormatCatalogueSchema>;

/** The Format of a catalogue entry: what a new design made in that size starts with. */
export function formatOfEntry(entry: FormatEntry): Format {
  const { id: _id, kind: _kind, title: _title, notes: _notes, ...format } = entry;
  return JSON.parse(JSON.stringify(format)) as Format;
}

/** The catalogue entry a format is (same trim and bleed), if any. */
export function matchFormat(
  entries: readonly FormatEntry[],
  format: Pick<Format, 'widthMm' | 'heightMm' | 'bleedMm'>,
): FormatEntry | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= FORMAT_MATCH_TOLERANCE_MM;
  return entries.find(
    (e) => near(e.widthMm, format.widthMm) && near(e.heightMm, format.heightMm) && near(e.bleedMm, format.bleedMm),
  );
}
