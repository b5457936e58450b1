import { z } from 'zod';
import {
  FileRoleSchema,
  SampleMetaPatchSchema,
  SampleMetaSchema,
  TemplateSchema,
  UnitProfileSchema,
} from '../core/index.js';
import { SampleIdSchema } from '../core/api-library.js';
import { LibraryStatsSchema } from '../core/library-search.js';
import {
  CommentSchema,
  HistoryEntrySchema,
  MeSchema,
  RoleSchema,
  SampleRefSchema,
  Sha256Schema,
  SharedTemplateSummarySchema,
  StatusSchema,
  TeamSampleSchema,
  TeamSearchQuerySchema,
  TeamSearchResultSchema,
} from '../core/team.js';

// The shapes the studio's page shows as well live in core (pure zod); the team's modules name them here.
export * from '../core/team.js';

/*
 * The team server's API (issue #17): one schema per method, read by the server to check every
 * input and by the client to check every answer. A call is POST /api/<method> with a JSON body;
 * files go by content hash (PUT /api/blobs/<sha256>, GET /api/files/<sample id>/<role>).
 * Results cross as {ok: true, value} | {ok: false, error: {code, message, details}}.
 */

/** What each audit action means, for the history a user reads. */
export const ACTIONS: Record<string, string> = {
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出登录',
  'password-change': '修改密码',
  'unit-add': '添加单位',
  'user-add': '添加用户',
  'user-update': '修改用户',
  'file-upload': '上传文件',
  'sample-create': '创建样本',
  'sample-update': '修改样本',
  'sample-submit': '提交审核',
  'sample-approve': '审核通过',
  'sample-reject': '退回修改',
  'sample-delete': '删除样本',
  'template-publish': '发布共享模板',
  'template-withdraw': '撤下共享模板',
  'profile-publish': '发布单位资料',
  backup: '备份',
  restore: '恢复',
};

export const UserNameSchema = z
  .string()
  .trim()
  .min(1, '用户名不能为空')
  .max(64, '用户名不能超过 64 个字')
  .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能含文字、数字和 . _ -');
export const UnitNameSchema = z.string().trim().min(1, '单位名称不能为空').max(100, '单位名称不能超过 100 个字');
export const PasswordSchema = z.string().min(8, '密码至少 8 个字符').max(200, '密码不能超过 200 个字符');

/** A file of a new or edited sample: its bytes were uploaded before (PUT /api/blobs/<sha256>). */
export const FileRefSchema = z.object({
  role: FileRoleSchema,
  sha256: Sha256Schema,
  name: z.string().trim().min(1).max(255),
});
export type FileRef = z.infer<typeof FileRefSchema>;
const FileRefs = z
  .array(FileRefSchema)
  .min(1, '样本至少要有一个文件')
  .max(5)
  .refine((fs) => new Set(fs.map((f) => f.role)).size === fs.length, '每种文件只能有一个');

export const TeamStatsSchema = LibraryStatsSchema.extend({
  /** Samples the caller can see, per review status. */
  byStatus: z.record(z.string(), z.number().int()),
});
export type TeamStats = z.infer<typeof TeamStatsSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorUnit: z.string(),
  ip: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const UserSchema = z.object({
  name: z.string(),
  unit: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

/**
 * What the centre shares travels whole, images embedded: an image a studio holds by its hash
 * means nothing to another. A unit profile is the studio's own `UnitProfileSchema` (gallery
 * issue; it embeds its images already), under a size cap.
 */
export const MAX_PROFILE_BYTES = 16 * 1024 * 1024;
export const SharedUnitProfileSchema = UnitProfileSchema.refine(
  (p) => new TextEncoder().encode(JSON.stringify(p)).length <= MAX_PROFILE_BYTES,
  '单位资料不能超过 16 MB',
);
export const SharedTemplateSchema = TemplateSchema.refine(
  (t) => Object.values(t.assets).every((a) => 'data' in a),
  '共享模板的图片须内嵌在文件中（从工作室导出的模板即是如此）',
);
export const SharedProfileSchema = z.object({
  unit: z.string(),
  profile: UnitProfileSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const Ok = z.object({});
const ById = z.object({ id: SampleRefSchema }).strict();
const SampleOut = z.object({ sample: TeamSampleSchema });

/** Who may call a method: anyone (login), any signed-in user, or at least reviewer / admin. */
export type Access = 'public' | 'user' | 'reviewer' | 'admin';

export interface TeamMethod {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** Bodies past MAX_JSON_BYTES: what the centre publishes carries its images. */
  large?: true;
}

export const TEAM_API = {
  login: {
    access: 'public',
    input: z.object({ user: UserNameSchema, password: z.string().min(1, '请输入密码').max(200) }).strict(),
    output: z.object({ token: z.string(), expiresAt: z.string(), me: MeSchema }),
  },
  logout: { access: 'user', input: z.object({}).strict(), output: Ok },
  me: { access: 'user', input: z.object({}).strict(), output: MeSchema },
  changePassword: {
    access: 'user',
    input: z.object({ old: z.string().max(200), new: PasswordSchema }).strict(),
    output: Ok,
  },
  search: { access: 'user', input: TeamSearchQuerySchema, output: TeamSearchResultSchema },
  stats: {
    access: 'user',
    input: TeamSearchQuerySchema.pick({ text: true, kind: true, fraudType: true, unit: true, from: true, to: true }),
    output: TeamStatsSchema,
  },
  sample: {
    access: 'user',
    input: ById,
    output: SampleOut.extend({ history: z.array(HistoryEntrySchema) }),
  },
  createSample: {
    access: 'user',
    input: z
      .object({
        meta: SampleMetaSchema.omit({ unit: true }),
        files: FileRefs,
        /** Submit for review at once (a push of finished work). */
        submit: z.boolean().default(false),
      })
      .strict(),
    /** duplicate: the unit already had a sample with this content; it is returned, nothing is added. */
    output: SampleOut.extend({ duplicate: z.boolean() }),
  },
  updateSample: {
    access: 'user',
    input: z
      .object({
        id: SampleRefSchema,
        meta: SampleMetaPatchSchema.omit({ unit: true }).optional(),
        files: FileRefs.optional(),
      })
      .strict(),
    output: SampleOut,
  },
  submitSample: { access: 'user', input: ById, output: SampleOut },
  approveSample: {
    access: 'reviewer',
    input: z.object({ id: SampleRefSchema, comment: CommentSchema.optional() }).strict(),
    output: SampleOut,
  },
  rejectSample: {
    access: 'reviewer',
    input: z.object({ id: SampleRefSchema, comment: CommentSchema.min(1, '退回时请写明意见') }).strict(),
    output: SampleOut,
  },
  deleteSample: { access: 'user', input: ById, output: Ok },
  reviewList: {
    access: 'user',
    input: z
      .object({
        status: z.array(StatusSchema).max(4).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ samples: z.array(TeamSampleSchema) }),
  },
  templates: {
    access: 'user',
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(SharedTemplateSummarySchema) }),
  },
  template: {
    access: 'user',
    input: z.object({ id: z.string().max(64) }).strict(),
    output: z.object({ template: TemplateSchema, version: z.number().int() }),
  },
  publishTemplate: {
    access: 'admin',
    large: true,
    input: z.object({ template: SharedTemplateSchema }).strict(),
    output: SharedTemplateSummarySchema,
  },
  withdrawTemplate: { access: 'admin', input: z.object({ id: z.string().max(64) }).strict(), output: Ok },
  profiles: {
    access: 'user',
    input: z.object({}).strict(),
    output: z.object({ profiles: z.array(SharedProfileSchema) }),
  },
  publishProfile: {
    access: 'admin',
    large: true,
    input: z.object({ unit: UnitNameSchema, profile: SharedUnitProfileSchema }).strict(),
    output: SharedProfileSchema,
  },
  users: { access: 'admin', input: z.object({}).strict(), output: z.object({ users: z.array(UserSchema) }) },
  addUser: {
    access: 'admin',
    input: z
      .object({ name: UserNameSchema, unit: UnitNameSchema, role: RoleSchema, password: PasswordSchema })
      .strict(),
    output: UserSchema,
  },
  updateUser: {
    access: 'admin',
    input: z
      .object({
        name: UserNameSchema,
        role: RoleSchema.optional(),
        unit: UnitNameSchema.optional(),
        disabled: z.boolean().optional(),
        password: PasswordSchema.optional(),
      })
      .strict(),
    output: UserSchema,
  },
  audit: {
    access: 'admin',
    input: z
      .object({
        limit: z.number().int().min(1).max(5000).default(200),
        /** Entries before this id (paging back in time). */
        before: z.number().int().positive().optional(),
        actor: z.string().max(64).optional(),
        targetId: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(AuditEntrySchema) }),
  },
} as const satisfies Record<string, TeamMethod>;

export type TeamApi = typeof TEAM_API;
export type MethodName = keyof TeamApi;
export type MethodInput<M extends MethodName> = z.input<TeamApi[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<TeamApi[M]['output']>;

export const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(TEAM_API, name);

/** A sample id as a full UUID (the schema of the local library). */
export { SampleIdSchema };

/** Largest file one upload may carry (as the local library's import). */
export const MAX_BLOB_BYTES = 500 * 1024 * 1024;
/** A JSON request: a design travels as a file, so calls stay small. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** A published template or profile, its images embedded. */
export const MAX_LARGE_JSON_BYTES = 64 * 1024 * 1024;
