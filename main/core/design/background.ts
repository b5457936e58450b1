import { z } from 'zod';
import { ColourSchema } from '../colour.js';
import { AssetIdSchema } from './elements.js';
import { LinearGradientShape } from './gradient.js';

/** The page background always covers the bleed too. */
export const BackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('colour'), colour: ColourSchema }),
  z.object({
    type: z.literal('linear-gradient'),
    ...LinearGradientShape,
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
