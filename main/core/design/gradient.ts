import { z } from 'zod';
import { ColourSchema } from '../colour.js';

export const GradientStopSchema = z.object({ offset: z.number().min(0).max(1), colour: ColourSchema });
export type GradientStop = z.infer<typeof GradientStopSchema>;

/** A linear gradient's direction and colours. 0° runs top to bottom, 90° left to right (CSS). */
export const LinearGradientShape = {
  angleDeg: z.number().min(-360).max(360).default(0),
  stops: z.array(GradientStopSchema).min(2, '渐变至少需要两个色标').max(16),
};
