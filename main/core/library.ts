import { z } from 'zod';
import { FraudTypeSchema } from './slogan/vocabulary.js';
import { FILE_ROLES, SAMPLE_KINDS, type SampleKind } from './library-names.js';

export * from './library-names.js';

export const SampleKindSchema = z.enum(Object.keys(SAMPLE_KINDS) as [SampleKind, ...SampleKind[]], {
  message: `样本类型应为：${Object.keys(SAMPLE_KINDS).join('、')}`,
});

export const FileRoleSchema = z.enum(FILE_ROLES);
export type FileRole = z.infer<typeof FileRoleSchema>;

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);

/** The editable fields of a sample, without defaults (an edit names only what it changes). */
const META_FIELDS = {
  title: text(200).min(1, '标题不能为空'),
  kind: SampleKindSchema,
  /** e.g. "600×70 cm" or "1080×1920 像素". */
  format: text(60),
  widthMm: z.number().positive().max(100_000).optional(),
  heightMm: z.number().positive().max(100_000).optional(),
  /** YYYY-MM-DD */
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '发布日期应为 YYYY-MM-DD'),
  unit: text(100),
  location: text(200),
  channel: text(60),
  fraudTypes: z.array(FraudTypeSchema).max(11),
  tags: z.array(text(40).min(1)).max(50),
  slogan: text(400),
  notes: text(4000),
};

/** The editable metadata of a sample. */
export const SampleMetaSchema = z.object({
  ...META_FIELDS,
  kind: META_FIELDS.kind.default('other'),
  format: META_FIELDS.format.default(''),
  unit: META_FIELDS.unit.default(''),
  location: META_FIELDS.location.default(''),
  channel: META_FIELDS.channel.default(''),
  fraudTypes: META_FIELDS.fraudTypes.default([]),
  tags: META_FIELDS.tags.default([]),
  slogan: META_FIELDS.slogan.default(''),
  notes: META_FIELDS.notes.default(''),
});
export type SampleMeta = z.infer<typeof SampleMetaSchema>;
export type SampleMetaInput = z.input<typeof SampleMetaSchema>;
/** A metadata edit: any subset of the fields; absent ones stay absent (no defaults filled in). */
export const SampleMetaPatchSchema = z.object(META_FIELDS).partial();
export type SampleMetaPatch = z.infer<typeof SampleMetaPatchSchema>;

export const SampleFileSchema = z.object({
  role: FileRoleSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mime: z.string().max(100),
  name: z.string().max(255),
});
export type SampleFile = z.infer<typeof SampleFileSchema>;

export const SampleSchema = SampleMetaSchema.extend({
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().nullable(),
  files: z.array(SampleFileSchema),
});
export type Sample = z.infer<typeof SampleSchema>;
