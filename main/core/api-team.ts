import { z } from 'zod';
import { type MethodSpec } from './api-common.js';
import { SampleIdSchema } from './api-library.js';
import { StudioDesignSchema } from './design/design.js';
import {
  CommentSchema,
  HistoryEntrySchema,
  MeSchema,
  SampleRefSchema,
  SharedTemplateSummarySchema,
  StatusSchema,
  TeamSampleSchema,
  TeamSearchQuerySchema,
  TeamSearchResultSchema,
} from './team.js';

/*
 * The studio's side of the team library (issue #17 §5): the page talks to its own main side, which
 * holds the one connection to the team server (pinned certificate, session token in memory only;
 * the password is never stored). Every input is checked here before anything reaches the network.
 */

/** A team server's address as the user types it: https only, host and port. */
export const TeamUrlSchema = z
  .string()
  .trim()
  .min(1, '请填写团队服务器地址')
  .max(300, '服务器地址过长')
  .regex(/^https:\/\/[^\s/?#]+\/?$/i, '服务器地址应如 https://192.168.1.10:8443（以 https:// 开头，不带路径）');
/** A SHA-256 fingerprint as shown (with colons) or typed (without). */
export const FingerprintSchema = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{64}$/, '证书指纹应为 64 位十六进制（可带冒号）');

export const TeamStateSchema = z.object({
  /** The server last connected to (kept between runs, with the user name; never the password). */
  server: z.string().nullable(),
  user: z.string().nullable(),
  /** Signed in now (a session token held in memory). */
  connected: z.boolean(),
  me: MeSchema.nullable(),
  fingerprint: z.string().nullable(),
  /** Print exports of a design the team server has not approved carry a 「未审核」 mark. */
  markUnapproved: z.boolean(),
  /** Local samples waiting to be pushed to this server. */
  outbox: z.number().int(),
});
export type TeamState = z.infer<typeof TeamStateSchema>;

export const OutboxEntryViewSchema = z.object({
  localId: z.string(),
  title: z.string(),
  submit: z.boolean(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

export const PushOutcomeSchema = z.object({
  /** pushed: the server has it (duplicate: it had it already); queued: offline, kept in the outbox; refused: see message. */
  outcome: z.enum(['pushed', 'queued', 'refused']),
  sample: TeamSampleSchema.nullable(),
  duplicate: z.boolean(),
  message: z.string().nullable(),
});
export type PushOutcome = z.infer<typeof PushOutcomeSchema>;

export type SharedTemplateCard = z.infer<typeof SharedTemplateSummarySchema>;

const ById = z.object({ id: SampleRefSchema }).strict();

export const TEAM_STUDIO_API = {
  teamState: { input: z.object({}).strict(), output: TeamStateSchema },
  /** First step of connecting: the certificate the server shows, and the one confirmed before (if any). */
  teamProbe: {
    input: z.object({ url: TeamUrlSchema }).strict(),
    output: z.object({ origin: z.string(), fingerprint: z.string(), pinned: z.string().nullable() }),
  },
  /**
   * Sign in. `fingerprint` is the one the user confirmed (first contact); a server whose pinned
   * certificate changed is refused unless `replacePinned` (the user checked the new one with the admin).
   */
  teamConnect: {
    input: z
      .object({
        url: TeamUrlSchema,
        user: z.string().trim().min(1, '请填写用户名').max(64, '用户名不能超过 64 个字'),
        password: z.string().min(1, '请填写密码').max(200, '密码不能超过 200 个字符'),
        fingerprint: FingerprintSchema,
        replacePinned: z.boolean().default(false),
      })
      .strict(),
    output: TeamStateSchema,
  },
  teamDisconnect: { input: z.object({}).strict(), output: TeamStateSchema },
  teamSettings: { input: z.object({ markUnapproved: z.boolean() }).strict(), output: TeamStateSchema },
  teamSearch: { input: TeamSearchQuerySchema, output: TeamSearchResultSchema },
  teamSample: { input: ById, output: z.object({ sample: TeamSampleSchema, history: z.array(HistoryEntrySchema) }) },
  /**
   * A local sample to the team library (submitted for review unless `submit` is false); with
   * `replaces`, the fix of a rejected or draft team sample. Offline, it waits in the outbox.
   */
  teamSubmit: {
    input: z
      .object({ localId: SampleIdSchema, submit: z.boolean().default(true), replaces: SampleRefSchema.optional() })
      .strict(),
    output: PushOutcomeSchema,
  },
  teamOutbox: { input: z.object({}).strict(), output: z.object({ entries: z.array(OutboxEntryViewSchema) }) },
  /** Push one waiting sample (the page pushes them one by one and shows the progress). */
  teamPush: { input: z.object({ localId: SampleIdSchema }).strict(), output: PushOutcomeSchema },
  /** A reviewer's queue, or a station's own drafts, submissions and rejections with the comments. */
  teamReviewList: {
    input: z.object({ status: z.array(StatusSchema).max(4).optional() }).strict(),
    output: z.object({ samples: z.array(TeamSampleSchema) }),
  },
  teamApprove: {
    input: z.object({ id: SampleRefSchema, comment: CommentSchema.optional() }).strict(),
    output: z.object({ sample: TeamSampleSchema }),
  },
  teamReject: {
    input: z.object({ id: SampleRefSchema, comment: CommentSchema.min(1, '退回时请写明修改意见') }).strict(),
    output: z.object({ sample: TeamSampleSchema }),
  },
  /** Approved samples matching the words into the local library (those already there are skipped). */
  teamPull: {
    input: z.object({ text: z.string().max(200).default('') }).strict(),
    output: z.object({ pulled: z.number().int(), unchanged: z.number().int(), files: z.number().int() }),
  },
  /** The city centre's shared templates (the gallery shows them marked 市局共享). */
  teamTemplates: {
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(SharedTemplateSummarySchema) }),
  },
  /** A shared template as a new design, its images kept here. */
  teamOpenTemplate: { input: z.object({ id: z.string().max(64) }).strict(), output: StudioDesignSchema },
} as const satisfies Record<string, MethodSpec>;
