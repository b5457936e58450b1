import { z } from 'zod';
import { ColourSchema } from '../colour.js';
import { LinearGradientShape } from './gradient.js';

const Mm = z.number().min(-1e4).max(1e4);

/** How a colour or size marks some words out of a slogan. */
export const EmphasisStyleSchema = z
  .object({
    colour: ColourSchema.optional(),
    /** Character size relative to the rest, e.g. 1.2; the words stay on the baseline. */
    scale: z.number().min(1).max(2).optional(),
  })
  .refine((s) => s.colour !== undefined || s.scale !== undefined, '强调样式需要颜色或放大倍数');
export type EmphasisStyle = z.infer<typeof EmphasisStyleSchema>;

/**
 * The typesetting and effects of a text element beyond font, size and colour (issues #13, #14).
 * Every field is optional: designs saved before they existed stay valid and look the same.
 */
export const TextStyleShape = {
  /**
   * The 、，；between two halves where a line breaks: `hang` keeps it, hanging outside the measure
   * so the lines centre on their characters; `space` drops it at the break and shows a space where
   * the halves share a line (the banner convention). Absent: chosen by the kind of material.
   */
  breakPunctuation: z.enum(['hang', 'space']).optional(),
  /** Mark the rhyming ends of a two-half jingle (鱼 / 鱼) and, separately, the goods words. */
  emphasis: z.object({ rhymes: EmphasisStyleSchema.optional(), goods: EmphasisStyleSchema.optional() }).optional(),
  /** Per-word colour: every occurrence of each word in its own colour. */
  wordColours: z
    .array(z.object({ word: z.string().min(1).max(40), colour: ColourSchema }))
    .max(50)
    .optional(),
  /** A second outline outside `stroke` (双描边): this much more, all round. */
  outerStroke: z.object({ colour: ColourSchema, widthMm: z.number().positive().max(1000) }).optional(),
  /** A hard drop shadow of the whole lettering (outlines included), offset right and down. */
  shadow: z.object({ colour: ColourSchema, dxMm: Mm, dyMm: Mm }).optional(),
  /** Fill the characters with a gradient across the text block instead of `colour`. */
  gradient: z.object(LinearGradientShape).optional(),
};
