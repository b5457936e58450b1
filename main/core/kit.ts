import { z } from 'zod';
import { KindSchema } from './design/format.js';
import { FraudTypeSchema, GoodsCategorySchema } from './slogan/vocabulary.js';

/*
 * The event kits (issue #16 §2–3) and the print shop's production order (§1), as data: the shape
 * of the kits' editable tables under templates/kits/ and of what crosses between the engine, the
 * CLI and the studio. Pure zod (the renderer imports it).
 */

/** What a shop prints on (制作单): the materials the stations order. */
export const MATERIALS = ['喷绘布', '写真 PP', '不干胶', 'KT 板', 'PVC', '铜版纸'] as const;
export const MaterialSchema = z.enum(MATERIALS, { message: `材质应为：${MATERIALS.join('、')}` });
export type Material = z.infer<typeof MaterialSchema>;

/** Finishing after printing: grommets, pole pockets, lamination, die-cutting. */
export const FINISHINGS = ['打孔', '穿杆', '覆膜', '模切'] as const;
export const FinishingSchema = z.enum(FINISHINGS, { message: `工艺应为：${FINISHINGS.join('、')}` });
export type Finishing = z.infer<typeof FinishingSchema>;

const Text = (max: number) => z.string().trim().max(max);

/** The usual material and finishing of each kind of piece (templates/kits/production.json). */
export const ProductionDefaultSchema = z.object({
  material: MaterialSchema,
  finishing: z.array(FinishingSchema).max(4).default([]),
  /** The counting word on the order: 张, 块, 条, 个. */
  unit: Text(2).min(1),
  note: Text(60).default(''),
});
export type ProductionDefault = z.infer<typeof ProductionDefaultSchema>;

export const ProductionDefaultsSchema = z.object({
  schema: z.literal('campaign-studio/production'),
  version: z.literal(1),
  kinds: z.partialRecord(KindSchema, ProductionDefaultSchema),
});
export type ProductionDefaults = z.infer<typeof ProductionDefaultsSchema>;

/** One line of a production order: a print file and what to make of it. */
export const OrderLineSchema = z.object({
  /** The file's path inside the delivery (e.g. 展板/01-鱼摊.pdf). */
  file: Text(200).min(1),
  title: Text(120).min(1),
  /** Finished size as the shop reads it: 60×80 cm, 直径 5 cm, A3 拼版. */
  size: Text(60).min(1),
  material: MaterialSchema,
  finishing: z.array(FinishingSchema).max(4),
  quantity: z.number().int().min(1).max(1_000_000),
  unit: Text(2).min(1),
  note: Text(200).default(''),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;
export type OrderLineInput = z.input<typeof OrderLineSchema>;

/** The fraud types' tips: a two-line tip for a board, a sentence for a group message (templates/kits/fraud-tips.json). */
export const FraudTipSchema = z.object({
  tip: Text(40).min(2),
  message: Text(120).min(4),
});
export const FraudTipsSchema = z.record(FraudTypeSchema, FraudTipSchema);
export type FraudTips = z.infer<typeof FraudTipsSchema>;

// ——— The market kit (反诈小铺套装) ———

/** One stall of the market: its name and the goods it sells (鱼摊: 鲫鱼 草鱼). */
export const StallSchema = z.object({
  name: Text(20).min(1, '摊位名称不能为空'),
  goods: z.array(Text(6).min(1)).min(1, '每个摊位至少写一样商品').max(8, '每个摊位至多 8 样商品'),
  /** The fraud type its jingle warns about; default: the kit's choice for its goods. */
  fraudType: FraudTypeSchema.optional(),
  /** How many stickers and hanging tags for this stall; default: the kit's per-stall numbers. */
  stickers: z.number().int().min(0).max(10_000).optional(),
  tags: z.number().int().min(0).max(10_000).optional(),
});
export type Stall = z.infer<typeof StallSchema>;

/** Most stalls one kit makes: a big market hall. */
export const MAX_STALLS = 60;
export const StallsSchema = z
  .array(StallSchema)
  .min(1, '请至少填写一个摊位')
  .max(MAX_STALLS, `一次至多 ${MAX_STALLS} 个摊位`);

const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/);

/** A piece of the kit: the template it is made from (repointable in the data file). */
const PieceSchema = z.object({
  template: TemplateId,
  label: Text(20).min(1),
});

/** templates/kits/market.json: which templates, how many of each, which fraud types for which goods. */
export const MarketKitSpecSchema = z.object({
  schema: z.literal('campaign-studio/kit-market'),
  version: z.literal(1),
  title: Text(40).min(1),
  /** Per stall: a display board (one), hanging tags and stickers (imposed, `perStall` each). */
  board: PieceSchema,
  tag: PieceSchema.extend({ perStall: z.number().int().min(0).max(10_000) }),
  sticker: PieceSchema.extend({ perStall: z.number().int().min(0).max(10_000) }),
  /** Per event: the entrance banner and a roll-up. */
  banner: PieceSchema,
  rollup: PieceSchema,
  /** The sheet tags and stickers are imposed on (a4, a3, sra3 or 宽x高). */
  sheet: Text(20).min(2),
  /** The fraud types police pair with each kind of goods, first choice first. */
  fraudByGoods: z.partialRecord(GoodsCategorySchema, z.array(FraudTypeSchema).min(1)),
  /** For goods of no known category. */
  defaultFraudTypes: z.array(FraudTypeSchema).min(1),
  /** A character of a stall's name or goods → its category (鱼 → fish), when the lexicon does not know the goods. */
  categoryHints: z.record(z.string().min(1).max(2), GoodsCategorySchema),
});
export type MarketKitSpec = z.infer<typeof MarketKitSpecSchema>;

/** A stall's jingle as the kit proposes it, with the alternatives the user may swap in. */
export const StallJingleSchema = z.object({
  text: z.string(),
  /** The fraud type the warning half comes from, and its tip. */
  fraudType: FraudTypeSchema,
  tip: z.string(),
  /** How it rhymes (同字/同音/同韵), from the slogan engine. */
  rhyme: z.enum(['same-character', 'homophone', 'rhyme-group', 'none']),
});
export type StallJingle = z.infer<typeof StallJingleSchema>;

export const StallPlanSchema = z.object({
  stall: StallSchema,
  category: GoodsCategorySchema.nullable(),
  jingle: StallJingleSchema.nullable(),
  /** Other rhyming jingles for this stall, best first (none used by another stall). */
  alternatives: z.array(StallJingleSchema),
  /** Why no jingle could be made (no rhyme for these goods). */
  problem: z.string().optional(),
});
export type StallPlan = z.infer<typeof StallPlanSchema>;

// ——— The grid-group kit (网格群宣防包) ———

/** A topic a grid kit may warn about besides the ten fraud types (保健品, 养老投资…). */
const TopicSchema = z.object({
  label: Text(20).min(1),
  tip: Text(40).min(2),
  message: Text(120).min(4),
  /** Curated jingles for it (there is no warning lexicon for these). */
  jingles: z.array(Text(40).min(4)).min(1),
});

/** templates/kits/grid.json: the audiences, their fraud types, and the images made for each. */
export const GridKitSpecSchema = z.object({
  schema: z.literal('campaign-studio/kit-grid'),
  version: z.literal(1),
  title: Text(40).min(1),
  /** The images of each audience's set: a phone poster, a square, an article cover. */
  images: z
    .array(z.object({ template: TemplateId, label: Text(20).min(1), file: Text(40).min(1) }))
    .min(1)
    .max(6),
  topics: z.record(z.string().regex(/^[a-z][a-z0-9-]{1,31}$/), TopicSchema),
  /** Audience → fraud types (ids of the ten, or topics above), the first the main one. */
  audiences: z.record(
    Text(20).min(1),
    z.object({ warns: z.array(z.string().min(1)).min(1).max(6), greeting: Text(30).default('') }),
  ),
  /** JPEG quality of the images (see docs/print.md: sharp after WeChat's recompression, under 1 MB). */
  jpegQuality: z.number().int().min(60).max(100),
});
export type GridKitSpec = z.infer<typeof GridKitSpecSchema>;

/** An audience of a grid kit as the user lists it, with what to warn it about if they say so. */
export const AudienceRowSchema = z.object({
  audience: Text(20).min(1, '人群名称不能为空'),
  /** Fraud types or topics as written (ids, labels or short names); absent: the kit's table. */
  warns: z.array(Text(20).min(1)).max(6).optional(),
});
export type AudienceRow = z.infer<typeof AudienceRowSchema>;

/** One audience's line of a grid kit: what it warns about and the jingle it gets. */
export const AudiencePlanSchema = z.object({
  audience: Text(20).min(1),
  warns: z.array(z.object({ id: z.string(), label: z.string() })),
  jingle: z.string(),
  /** The message to paste into the group. */
  message: z.string(),
  problem: z.string().optional(),
});
export type AudiencePlan = z.infer<typeof AudiencePlanSchema>;

/** A piece of a kit run that could not be made, and why (the others are made anyway). */
export const KitFailureSchema = z.object({ item: z.string(), reason: z.string() });
export type KitFailure = z.infer<typeof KitFailureSchema>;
