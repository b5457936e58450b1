import { z } from 'zod';
import { ColourSchema } from '../colour.js';
import { ImageBinding, QrBinding, TextBinding } from './binding.js';
import { ELEMENT_RANGES as R, MAX_TEXT_CHARS } from '../limits.js';
import { TextStyleShape } from './text-style.js';
import { parseUnitPath } from './shape-path.js';
import { SHAPE_PRESET_NAMES } from './shape-presets.js';

const Mm = z.number().min(-1e5).max(1e5);
export const BoxSchema = z.object({
  x: Mm,
  y: Mm,
  w: z.number().positive('宽度必须大于 0').max(1e5),
  h: z.number().positive('高度必须大于 0').max(1e5),
});
export type Box = z.infer<typeof BoxSchema>;

export const StrokeSchema = z.object({ colour: ColourSchema, widthMm: z.number().positive().max(R.strokeMm.max) });

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const AssetIdSchema = z.string().regex(ID, '素材编号只能含字母、数字、- 和 _');

const Common = {
  id: z.string().regex(ID, '元素编号只能含字母、数字、- 和 _（至多 64 个）'),
  /** A named slot that a user (or --set) fills. */
  slot: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, '槽位名应为小写字母开头')
    .optional(),
  /** Human label of the slot in the UI, e.g. 标语. */
  label: z.string().max(40).optional(),
  /** Turned about the centre of its box, degrees clockwise (lines turn with their end points instead). */
  rotation: z.number().min(-360).max(360).optional(),
  /** The editor does not move, resize or delete it until it is unlocked (a template's hotline, unit footer). */
  locked: z.boolean().optional(),
  /** Not drawn in any output, kept in the design (the layers panel's eye). */
  hidden: z.boolean().optional(),
};

export const FontRefSchema = z.object({
  family: z.string().min(1).max(100).default('Noto Sans SC'),
  weight: z.number().int().min(100).max(900).default(400),
});
export type FontRef = z.infer<typeof FontRefSchema>;

export const TextSizeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), mm: z.number().positive().max(R.sizeMm.max) }),
  z
    .object({
      mode: z.literal('fit'),
      minMm: z.number().positive().max(R.sizeMm.max),
      maxMm: z.number().positive().max(R.sizeMm.max),
    })
    .refine((s) => s.minMm <= s.maxMm, { message: '最小字号不能大于最大字号', path: ['minMm'] }),
]);

export const TextElementSchema = z.object({
  ...Common,
  type: z.literal('text'),
  box: BoxSchema,
  text: z.string().max(MAX_TEXT_CHARS, `文字过长（至多 ${MAX_TEXT_CHARS} 字）`),
  font: FontRefSchema.default({ family: 'Noto Sans SC', weight: 400 }),
  size: TextSizeSchema,
  colour: ColourSchema.default({ rgb: '#000000' }),
  stroke: StrokeSchema.optional(),
  /** Extra space between characters, in em. */
  letterSpacing: z.number().min(R.letterSpacing.min).max(R.letterSpacing.max).default(0),
  /** Line pitch as a multiple of the font size. */
  lineHeight: z.number().min(R.lineHeight.min).max(R.lineHeight.max).default(1.25),
  align: z.enum(['left', 'center', 'right']).default('center'),
  valign: z.enum(['top', 'middle', 'bottom']).default('middle'),
  writing: z.enum(['horizontal', 'vertical']).default('horizontal'),
  /**
   * Wrapped text in even lines (no line of one orphaned word) and clause lists by clause. Off:
   * plain greedy lines. Either way a line never breaks inside a word, and a two-half jingle or a
   * four-clause slogan is set by its halves or clauses whenever any such setting fits.
   */
  balance: z.boolean().default(true),
  ...TextBinding,
  ...TextStyleShape,
});
export type TextElement = z.infer<typeof TextElementSchema>;

export const ImageElementSchema = z.object({
  ...Common,
  type: z.literal('image'),
  box: BoxSchema,
  /** Empty means an unfilled photo slot: nothing is drawn and preflight says so. */
  asset: AssetIdSchema.optional(),
  fit: z.enum(['cover', 'contain']).default('cover'),
  /** Part of the source to use, as fractions of its width and height. */
  crop: z
    .object({
      x: z.number().min(0).max(1),
      y: z.number().min(0).max(1),
      w: z.number().positive().max(1),
      h: z.number().positive().max(1),
    })
    .refine((c) => c.x + c.w <= 1 + 1e-9 && c.y + c.h <= 1 + 1e-9, '裁切范围超出图片')
    .optional(),
  radiusMm: z.number().min(0).default(0),
  ...ImageBinding,
});
export type ImageElement = z.infer<typeof ImageElementSchema>;

export const QrElementSchema = z.object({
  ...Common,
  type: z.literal('qr'),
  box: BoxSchema,
  content: z.string().min(1, '二维码内容不能为空').max(1200, '二维码内容过长'),
  dark: ColourSchema.default({ rgb: '#000000' }),
  light: ColourSchema.default({ rgb: '#FFFFFF' }),
  ecLevel: z.enum(['L', 'M', 'Q', 'H']).default('M'),
  /** Light margin around the code, in modules: the standard asks for 4 (preflight warns below). */
  quietZone: z.number().int().min(0).max(10).default(4),
  ...QrBinding,
});
export type QrElement = z.infer<typeof QrElementSchema>;

export const RectElementSchema = z.object({
  ...Common,
  type: z.literal('rect'),
  box: BoxSchema,
  radiusMm: z.number().min(0).default(0),
  fill: ColourSchema.optional(),
  stroke: StrokeSchema.optional(),
});
export const EllipseElementSchema = z.object({
  ...Common,
  type: z.literal('ellipse'),
  box: BoxSchema,
  fill: ColourSchema.optional(),
  stroke: StrokeSchema.optional(),
});
const Point = z.object({ x: Mm, y: Mm });
export const LineElementSchema = z.object({
  ...Common,
  type: z.literal('line'),
  from: Point,
  to: Point,
  stroke: StrokeSchema,
});
/** An id of the illustration set (templates/illustrations/catalogue.json), e.g. fish. */
export const IllustrationIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '插图编号应为小写字母、数字和 -');

/** A picture of the offline set, drawn as vector shapes in every output (docs/templates.md). */
export const IllustrationElementSchema = z.object({
  ...Common,
  type: z.literal('illustration'),
  box: BoxSchema,
  /** What is drawn; with `follow`, what is drawn when the text names no goods the set has. */
  illustration: IllustrationIdSchema,
  /**
   * Take the picture from the goods a text names (鲫鱼草鱼多宝鱼 → fish): the `index`-th goods
   * word of element `element`, counting round. Choosing a picture by hand removes this.
   */
  follow: z
    .object({
      element: z.string().regex(ID, '元素编号只能含字母、数字、- 和 _'),
      index: z.number().int().min(0).max(20).default(0),
    })
    .optional(),
  /** One colour for every shape (a silhouette, e.g. gold on a red banner); default its own colours. */
  colour: ColourSchema.optional(),
  opacity: z.number().min(0).max(1).default(1),
  /** Mirror left to right (a fish that faces the slogan). */
  flip: z.boolean().default(false),
});
export type IllustrationElement = z.infer<typeof IllustrationElementSchema>;

/**
 * A drawn shape by name (docs/templates.md): the ornaments a designer needs that boxes and
 * ellipses cannot draw — burst, star, ribbon, scalloped and wavy edges, speech bubble, seal frame,
 * rounded tab — and the editor's basic ones (rectangle, rounded, circle, line), or a custom path.
 */
export const ShapeElementSchema = z
  .object({
    ...Common,
    type: z.literal('shape'),
    box: BoxSchema,
    shape: z.enum(SHAPE_PRESET_NAMES, { message: `形状应为：${SHAPE_PRESET_NAMES.join('、')}` }),
    /** Spikes of a burst, points of a star, bumps of a scalloped edge, waves along a wavy edge. */
    points: z.number().int().min(3, '尖角、花边或波浪至少 3 个').max(120, '尖角、花边或波浪至多 120 个').optional(),
    /**
     * How deep, as a share: a burst's or star's spikes (of the radius), the scallops (of the
     * radius), the waves (of the height), a ribbon's notches (of the height), a seal's frame (of
     * the shorter side).
     */
    depth: z.number().min(0).max(1).optional(),
    /** Corners of a rounded rectangle, speech bubble, tab or seal, mm (0: the shape's own default). */
    radiusMm: z.number().min(0).max(1e5).default(0),
    /** Where a speech bubble's tail points, as a share of the box (0,0 top-left; outside it). */
    tail: z.object({ x: z.number().min(-3).max(4), y: z.number().min(-3).max(4) }).optional(),
    /** Which edges of a wavy band are wavy. */
    edges: z.enum(['top', 'bottom', 'both']).optional(),
    /** A custom outline: absolute M, L, H, V, C, Q, Z path data in a 100 × 100 box stretched over `box`. */
    path: z
      .string()
      .max(20_000, '自定义路径过长')
      .refine((d) => parseUnitPath(d) !== null, '自定义路径只能用绝对坐标的 M、L、H、V、C、Q、Z 命令，且以 M 开头')
      .optional(),
    /** Turned about the box's centre, clockwise, degrees. */
    rotateDeg: z.number().min(-360).max(360).default(0),
    fill: ColourSchema.optional(),
    stroke: StrokeSchema.optional(),
    /** 0–1: a translucent ground over a photo, a faint ornament. */
    opacity: z.number().min(0).max(1).default(1),
  })
  .refine((s) => s.shape !== 'custom' || s.path !== undefined, {
    message: '自定义形状需要路径（path）',
    path: ['path'],
  })
  .refine((s) => s.shape !== 'line' || s.stroke !== undefined, { message: '线条需要描边（stroke）', path: ['stroke'] });
export type ShapeElement = z.infer<typeof ShapeElementSchema>;

export type RectElement = z.infer<typeof RectElementSchema>;
export type EllipseElement = z.infer<typeof EllipseElementSchema>;
export type LineElement = z.infer<typeof LineElementSchema>;

export const ElementSchema = z.discriminatedUnion('type', [
  TextElementSchema,
  ImageElementSchema,
  QrElementSchema,
  RectElementSchema,
  EllipseElementSchema,
  LineElementSchema,
  IllustrationElementSchema,
  ShapeElementSchema,
]);
export type Element = z.infer<typeof ElementSchema>;
