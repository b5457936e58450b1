import { z } from 'zod';
import { SampleFileSchema, SampleMetaSchema } from '../core/index.js';

export const BUNDLE_SCHEMA = 'campaign-studio/library-bundle';

export const BundleSampleSchema = SampleMetaSchema.extend({
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
  files: z.array(SampleFileSchema.extend({ path: z.string().min(1).max(1024) })).max(20),
});
export type BundleSample = z.infer<typeof BundleSampleSchema>;

/** manifest.json of a bundle: every sample with its files, each by path in the zip and sha256. */
export const BundleManifestSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA, { message: '不是反诈物料工作室的样本文件包' }),
  version: z.literal(1, { message: '文件包版本不受支持，请升级软件' }),
  createdAt: z.string(),
  samples: z.array(BundleSampleSchema).max(100_000),
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** A name safe on Windows, Linux and in a zip: no separators, no reserved characters, not too long. */
export function cleanName(s: string, max = 60): string {
  const c = [
    ...s
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '_')
      .trim(),
  ]
    .slice(0, max)
    .join('');
  return c || '_';
}
