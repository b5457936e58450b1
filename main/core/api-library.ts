import { z } from 'zod';
import type { MethodSpec } from './api-common.js';
import { DesignSchema } from './design/design.js';
import { SampleMetaPatchSchema, SampleSchema } from './library.js';

/** The sample library in the studio (issue #6): search, facets, details, import, bundles, statistics, publish. */
export const LIBRARY_API = {
  /** Render the design's PDF and PNG and store them with it as one sample (the user's metadata over the design's). */
  publishDesign: {
    input: z.object({ design: DesignSchema, meta: SampleMetaPatchSchema.default({}) }).strict(),
    output: SampleSchema,
    design: true,
  },
} as const satisfies Record<string, MethodSpec>;
