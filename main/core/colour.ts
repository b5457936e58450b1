import { z } from 'zod';
import { COLOUR_PRESETS, expandHex, type ColourPresetName } from './colour-values.js';

export * from './colour-values.js';

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const Percent = z.number().min(0).max(100);

const presetNames = Object.keys(COLOUR_PRESETS) as [ColourPresetName, ...ColourPresetName[]];

const ColourObject = z.object({
  rgb: z.string().regex(HEX, '颜色应为 #RRGGBB 形式'),
  cmyk: z.tuple([Percent, Percent, Percent, Percent]).optional(),
});

/** A colour: "#RRGGBB", a preset name, or {rgb, cmyk?}. Always normalised to the object form. */
export const ColourSchema = z
  .union([z.enum(presetNames), z.string().regex(HEX, '颜色应为 #RRGGBB 形式或预设名'), ColourObject])
  .transform((c): z.infer<typeof ColourObject> => {
    if (typeof c === 'string') {
      if (c in COLOUR_PRESETS) {
        const p = COLOUR_PRESETS[c as ColourPresetName];
        return { rgb: p.rgb, cmyk: [...p.cmyk] };
      }
      return { rgb: expandHex(c) };
    }
    return { ...c, rgb: expandHex(c.rgb) };
  });
export type Colour = z.infer<typeof ColourSchema>;
