import { z } from 'zod';
import { Id, UploadIdSchema, type MethodSpec } from './api-common.js';
import { StudioDesignSchema } from './design/design.js';
import {
  AudiencePlanSchema,
  AudienceRowSchema,
  KitFailureSchema,
  StallPlanSchema,
  StallSchema,
  StallsSchema,
} from './kit.js';

/*
 * Print-shop production and the event kits in the studio (issue #16): the imposition screen
 * (pieces and counts → sheets, then the imposed PDF as a job) and the kit screen (the market's
 * stalls → a jingle each, swappable → the whole set and its delivery zip as a job; audiences →
 * WeChat image sets and messages as a job). Jobs are the job service's (api-jobs.ts): their
 * status kinds `impose` and `kit` are declared here.
 */

export const SHEET_NAMES = ['a4', 'a3', 'sra3'] as const;

/** A sheet by name, or a custom size in mm. */
export const SheetSpecSchema = z.union([
  z.enum(SHEET_NAMES),
  z.object({ widthMm: z.number().min(50).max(1200), heightMm: z.number().min(50).max(1200) }).strict(),
]);
export type SheetSpec = z.infer<typeof SheetSpecSchema>;

/** A piece to impose: a template (filled with the unit's details) or a design, and how many. */
const ImposeItemSchema = z
  .object({
    templateId: Id.optional(),
    design: StudioDesignSchema.optional(),
    count: z.number().int().min(1, '数量至少为 1').max(100_000, '数量至多 100000'),
  })
  .strict()
  .refine((i) => (i.templateId === undefined) !== (i.design === undefined), {
    message: '每件物料给模板或设计其中之一',
  });

export const ImposeRequestSchema = z
  .object({
    items: z.array(ImposeItemSchema).min(1, '请至少选择一件物料').max(200, '一次至多 200 款'),
    sheet: SheetSpecSchema,
    gapMm: z.number().min(0).max(50).optional(),
    /** Pieces may be turned 90° to fit more (default true); false for a grain or a die that must not turn. */
    rotate: z.boolean().optional(),
    job: z.string().trim().max(60).optional(),
    allowPlaceholder: z.boolean().optional(),
  })
  .strict();
export type ImposeRequest = z.infer<typeof ImposeRequestSchema>;

/** Where each piece lands on a sheet (mm, sheet top-left, y down): enough to draw the sheet's plan. */
export const ImposePreviewSchema = z.object({
  sheetWidthMm: z.number(),
  sheetHeightMm: z.number(),
  sheets: z.number().int(),
  pieces: z.number().int(),
  perSheet: z.array(z.number().int()),
  wastePct: z.number(),
  items: z.array(
    z.object({
      name: z.string(),
      widthMm: z.number(),
      heightMm: z.number(),
      round: z.boolean(),
      sheets: z.array(z.number().int()),
      /** How many of its pieces are turned 90°. */
      rotated: z.number().int(),
    }),
  ),
  /** The first sheet's pieces: item index, trim top-left, and whether it lies turned 90° (then heightMm wide). */
  first: z.array(z.object({ item: z.number().int(), x: z.number(), y: z.number(), rotated: z.boolean().optional() })),
});
export type ImposePreview = z.infer<typeof ImposePreviewSchema>;

/** What an imposition job's status adds. */
export const ImposeJobFields = {
  sheets: z.number().int().optional(),
  pieces: z.number().int().optional(),
  wastePct: z.number().optional(),
};

/** What a kit job's status adds: its steps as they are made, and what failed. */
export const KitJobFields = {
  kit: z.enum(['market', 'grid']),
  /** What is being made now (「鱼摊」展板). */
  step: z.string(),
  stepsDone: z.number().int().min(0),
  stepsTotal: z.number().int().min(0),
  failures: z.array(KitFailureSchema),
  /** Files in the delivered zip. */
  files: z.number().int().min(0),
};

const Chosen = z.array(z.string().trim().max(60).nullable()).max(60);

export const KIT_API = {
  /** The pieces and quantities laid out on sheets (nothing written yet): for the screen's sheet plan. */
  planImpose: { input: ImposeRequestSchema, output: ImposePreviewSchema, large: true },
  /** The imposed PDF, as a job; its file is offered by downloadId when done. */
  startImpose: { input: ImposeRequestSchema, output: z.object({ jobId: z.string() }), large: true },
  /** An uploaded stall list (CSV/XLSX: 摊位, 商品 [, 诈骗类型, 贴纸数量, 吊牌数量]). */
  readStallTable: {
    input: z.object({ uploadId: UploadIdSchema }).strict(),
    output: z.object({ stalls: z.array(StallSchema) }),
  },
  /** A jingle per stall and the alternatives; `chosen[i]` keeps the user's swap for stall i. */
  planMarketKit: {
    input: z.object({ stalls: StallsSchema, chosen: Chosen.optional() }).strict(),
    output: z.array(StallPlanSchema),
  },
  /** The whole market set as a job: boards, imposed tags and stickers, banner, roll-up, order; the zip to download. */
  startMarketKit: {
    input: z
      .object({
        stalls: StallsSchema,
        chosen: Chosen.optional(),
        job: z.string().trim().max(40).optional(),
        allowPlaceholder: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** The audiences the kit knows, with what each is warned about (for the screen's choices). */
  gridAudiences: {
    input: z.object({}).strict(),
    output: z.array(z.object({ audience: z.string(), warns: z.array(z.string()) })),
  },
  /** An uploaded audience list (TXT one a line, or CSV/XLSX with a 人群 column). */
  readAudienceList: {
    input: z.object({ uploadId: UploadIdSchema }).strict(),
    output: z.object({ audiences: z.array(AudienceRowSchema) }),
  },
  planGridKit: {
    input: z.object({ audiences: z.array(AudienceRowSchema).min(1, '请至少选择一类人群').max(40) }).strict(),
    output: z.array(AudiencePlanSchema),
  },
  /** Every audience's images and message as a job; the zip of their folders to download. */
  startGridKit: {
    input: z
      .object({
        audiences: z.array(AudienceRowSchema).min(1, '请至少选择一类人群').max(40),
        allowPlaceholder: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
