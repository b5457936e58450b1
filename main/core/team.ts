import { z } from 'zod';
import { SampleSchema } from './library.js';
import { FacetsSchema, SearchHitSchema, SearchQuerySchema } from './library-search.js';
import { ROLES, STATUSES, type Role, type Status } from './team-names.js';

export { ROLES, STATUSES, type Role, type Status };

/*
 * The team library's shapes that the studio's page shows too (issue #17): roles, review states, a
 * team sample, the search. Pure zod, so the studio's contract (api-team.ts) and the team server's
 * (main/team/api.ts, which re-exports these) name one schema each.
 */

export const RoleSchema = z.enum(Object.keys(ROLES) as [Role, ...Role[]], {
  message: '角色应为 editor（编辑）、reviewer（审核员）或 admin（管理员）',
});

export const StatusSchema = z.enum(Object.keys(STATUSES) as [Status, ...Status[]], {
  message: '状态应为 draft、submitted、approved 或 rejected',
});

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位小写十六进制 SHA-256');
/** A sample by its id or a unique prefix of at least 8 characters (what lists print). */
export const SampleRefSchema = z.string().regex(/^[0-9a-f][0-9a-f-]{7,35}$/, '样本编号应为 8–36 位十六进制编号');
export const CommentSchema = z.string().trim().max(2000, '意见不能超过 2000 个字');

export const MeSchema = z.object({ name: z.string(), unit: z.string(), role: RoleSchema });
export type Me = z.infer<typeof MeSchema>;

/** A sample in the team library: the local library's sample plus who owns it and where it is in review. */
export const TeamSampleSchema = SampleSchema.extend({
  status: StatusSchema,
  author: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /** The hash of the sample's design (or original) file: the key that makes a repeated push a no-op. */
  contentSha: Sha256Schema,
});
export type TeamSample = z.infer<typeof TeamSampleSchema>;

export const TeamSearchQuerySchema = SearchQuerySchema.omit({ trashed: true })
  .extend({
    status: z.array(StatusSchema).max(4).default([]),
    /** Only the caller's own unit's samples. */
    mine: z.boolean().default(false),
  })
  .strict();
export type TeamSearchQuery = z.input<typeof TeamSearchQuerySchema>;
export type ParsedTeamSearchQuery = z.infer<typeof TeamSearchQuerySchema>;

export const TeamSearchHitSchema = SearchHitSchema.extend({ sample: TeamSampleSchema });
export type TeamSearchHit = z.infer<typeof TeamSearchHitSchema>;
export const TeamFacetsSchema = FacetsSchema.extend({ status: z.record(z.string(), z.number().int()) });
export const TeamSearchResultSchema = z.object({
  /** Exact up to COUNT_CAP (1000); beyond it `totalCapped` is true and `total` is a lower bound ("1000+"). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  hits: z.array(TeamSearchHitSchema),
  facets: TeamFacetsSchema.optional(),
});
export type TeamSearchResult = z.infer<typeof TeamSearchResultSchema>;

export const HistoryEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  actorUnit: z.string(),
  action: z.string(),
  comment: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A template the city centre shares, as lists show it. */
export const SharedTemplateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
