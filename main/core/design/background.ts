import { z } from 'zod';
import { ColourSchema } from '../colour.js';
import { AssetIdSchema } from './elements.js';

export const GradientStopSchema = z.object({ offset: z.number().min(0).max(1), colour: ColourSchema });

/** The page background always covers the bleed too. */
export const BackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('colour'), colour: ColourSchema }),
  z.object({
    type: z.literal('linear-gradient'),
    /** 0 = top to bottom, 90 = left to right. */
    angleDeg: z.number().min(-360).max(360).default(0),
    stops: z.array(GradientStopSchema).min(2, '渐变至少需要两个色标').max(16),
  }),
  z.object({
    type: z.literal('image'),
    asset: AssetIdSchema,
    fit: z.enum(['cover', 'contain']).default('cover'),
    /** Shown where a contained image leaves the page uncovered. */
    colour: ColourSchema.default({ rgb: '#FFFFFF' }),
  }),
]);
export type Background = z.infer<typeof BackgroundSchema>;
