import { z } from 'zod';
import {
  AssetRefSchema,
  FormatEntrySchema,
  IllustrationIdSchema,
  KindSchema,
  PreflightReportSchema,
  STUDIO_ERROR_CODES,
  StudioDesignSchema,
  StyleSchema,
} from './index.js';
import { BATCH_API } from './api-batch.js';
import { DownloadIdSchema, Empty, Id, UploadIdSchema } from './api-common.js';
import { JOBS_API } from './api-jobs.js';
import { KIT_API } from './api-kit.js';
import { LIBRARY_API } from './api-library.js';
import { PROFILE_API } from './api-profile.js';
import { TEAM_STUDIO_API } from './api-team.js';
import { FraudTypeSchema, GoodsCategorySchema, RHYME_GROUPS, RHYME_KINDS } from './slogan/index.js';

/*
 * The API contract between the renderer and the main side (DESIGN.md §3): one entry per method,
 * each with the zod schema of its input and of its value. Both transports (Electron IPC, local
 * HTTP in browser mode) carry exactly these; the main side parses every input here, at the
 * boundary, and the renderer may parse the values. Pure TypeScript + zod: the renderer imports it.
 */

import { MAX_DPI, MAX_TEXT_CHARS } from './limits.js';

const ScriptSchema = z.enum(['traditional', 'simplified'], {
  message: '应为 traditional（繁体）或 simplified（简体）',
});

const SlotSchema = z.object({ name: z.string(), label: z.string(), type: z.string() });

export const TemplateSummarySchema = z.object({
  id: z.string(),
  kind: KindSchema,
  title: z.string(),
  description: z.string(),
  widthMm: z.number(),
  heightMm: z.number(),
  bleedMm: z.number(),
  /** Screen formats (WeChat) have an exact pixel size. */
  widthPx: z.number().int().optional(),
  heightPx: z.number().int().optional(),
  slots: z.array(SlotSchema),
  /** The gallery's style family (profile.ts STYLES), for its filter. */
  style: StyleSchema.optional(),
  /** Where the transport serves a PNG thumbnail, relative to its origin (e.g. /thumbnails/<id>.png). */
  thumbnail: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

const LayoutNoteSchema = z.object({
  elementId: z.string(),
  kind: z.enum(['overflow', 'missing-glyph', 'font-substituted', 'empty-slot']),
  message: z.string(),
});

const MmRect = { x: z.number(), y: z.number(), w: z.number(), h: z.number() };

/**
 * One layer of the live preview (previewSvg), all in mm from the trim's top-left corner. Each
 * element is a layer of its own (`id`; the page's ground is `background`), so the editor moves an
 * element under the pointer by moving its layer, with no round trip.
 */
/** An SVG layer's key: a hash of its markup, the same whenever the markup is. */
const LayerKeySchema = z.string().max(64);

export const PreviewLayerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('svg'), id: z.string(), svg: z.string(), key: LayerKeySchema }),
  z.object({
    kind: z.literal('photo'),
    id: z.string(),
    sha256: z.string(),
    /** Where the whole photo is drawn (beyond the clip for cover). */
    box: z.object(MmRect),
    /** What shows of it, with its corner radius. */
    clip: z.object({ ...MmRect, r: z.number() }),
    /** Its element's rotation (degrees clockwise about cx, cy), if it is turned. */
    rotate: z.object({ deg: z.number(), cx: z.number(), cy: z.number() }).optional(),
  }),
]);
export type PreviewLayer = z.infer<typeof PreviewLayerSchema>;

/**
 * A layer of a previewSvg answer: a whole layer, or an SVG layer the page named in `have` and
 * whose markup is unchanged, by its key only (a keystroke sends back the one text it changed).
 */
export const PreviewAnswerLayerSchema = z.discriminatedUnion('kind', [
  ...PreviewLayerSchema.options,
  z.object({ kind: z.literal('known'), id: z.string(), key: LayerKeySchema }),
]);
export type PreviewAnswerLayer = z.infer<typeof PreviewAnswerLayerSchema>;

/**
 * What the editor needs of an element's layout and does not compute itself: where it is drawn
 * (rotation, strokes, shadows and overflowing text included) and, for a text, the block its lines
 * fill and the size it was fitted to.
 */
export const PreviewGeometrySchema = z.object({
  id: z.string(),
  ink: z.object(MmRect).optional(),
  block: z.object(MmRect).optional(),
  sizeMm: z.number().optional(),
  /** A picture that follows a text's goods: the one it draws now (a copy taken elsewhere keeps it). */
  illustration: IllustrationIdSchema.optional(),
});
export type PreviewGeometry = z.infer<typeof PreviewGeometrySchema>;

const SyllableSchema = z.object({
  char: z.string(),
  pinyin: z.string(),
  tone: z.number(),
  final: z.string(),
  group: z.enum(RHYME_GROUPS).nullable(),
});

export const RhymeCheckSchema = z.object({
  text: z.string(),
  halves: z.tuple([z.string(), z.string()]),
  counts: z.tuple([z.number(), z.number()]),
  form: z.string(),
  rhyme: z.enum(RHYME_KINDS),
  ends: z.tuple([SyllableSchema, SyllableSchema]),
  explanation: z.string(),
});

const CandidateSchema = z.object({
  text: z.string(),
  halves: z.tuple([z.string(), z.string()]),
  form: z.string(),
  rhyme: z.enum(RHYME_KINDS),
  score: z.number(),
});

export const ExportFormatSchema = z.enum(['pdf', 'png', 'jpeg', 'webp'], {
  message: '导出格式应为 pdf、png、jpeg 或 webp',
});

export const ExportRequestSchema = z
  .object({
    design: StudioDesignSchema,
    format: ExportFormatSchema,
    dpi: z.number().positive().max(MAX_DPI, `分辨率至多 ${MAX_DPI} dpi`).optional(),
    widthPx: z.number().int().positive().max(200_000).optional(),
    cmyk: z.boolean().optional(),
    outlineText: z.boolean().optional(),
    largePage: z.enum(['userunit', 'scale']).optional(),
    bleed: z.boolean().optional(),
    allowOverflow: z.boolean().optional(),
    allowPlaceholder: z.boolean().optional(),
  })
  .strict()
  .refine((r) => !(r.dpi !== undefined && r.widthPx !== undefined), {
    message: '分辨率和像素宽度只能给一个',
    path: ['widthPx'],
  });
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export { Empty, Id, Token, UploadIdSchema, DownloadIdSchema } from './api-common.js';
export { JobStatusSchema, type JobStatus, type JobKind, type JobStatusOf } from './api-jobs.js';

/** The design flow's methods: templates, preview, slogans, export, design files. */
const DESIGN_API = {
  listTemplates: { input: Empty, output: z.array(TemplateSummarySchema) },
  listFormats: { input: Empty, output: z.array(FormatEntrySchema) },
  /** The bundled font families and those installed on this PC (a design using one falls back to a bundled one elsewhere). */
  listFonts: {
    input: Empty,
    output: z.array(z.object({ family: z.string(), weights: z.array(z.number().int()), bundled: z.boolean() })),
  },
  getTemplate: { input: z.object({ id: Id }).strict(), output: StudioDesignSchema },
  newDesignFromFormat: {
    input: z.object({ formatId: Id, name: z.string().max(200).optional() }).strict(),
    output: StudioDesignSchema,
  },
  /**
   * The live preview, as layers in paint order: the engine's SVG of everything but photos, and
   * each photo by reference with where it is drawn (the page shows it from /assets/<sha256>/screen,
   * decoded once, so a keystroke moves kilobytes, not the photo). Its scene is kept for the
   * preflight of the same design (one layout per edit). `have`: the keys of the SVG layers the
   * page holds; those still drawn the same come back as `known`, by key only.
   */
  previewSvg: {
    input: z
      .object({
        design: StudioDesignSchema,
        bleed: z.boolean().optional(),
        have: z.array(LayerKeySchema).max(10_000).optional(),
      })
      .strict(),
    output: z.object({
      layers: z.array(PreviewAnswerLayerSchema).min(1),
      notes: z.array(LayoutNoteSchema),
      elements: z.array(PreviewGeometrySchema),
    }),
    large: true,
  },
  preflight: { input: z.object({ design: StudioDesignSchema }).strict(), output: PreflightReportSchema, large: true },
  checkSlogan: {
    input: z.object({ text: z.string().trim().min(1, '请输入标语').max(MAX_TEXT_CHARS) }).strict(),
    output: RhymeCheckSchema,
  },
  suggestSlogans: {
    input: z
      .object({
        goods: GoodsCategorySchema.optional(),
        fraudTypes: z.array(FraudTypeSchema).max(20).optional(),
        firstHalf: z.string().trim().min(1).max(40).optional(),
        count: z.number().int().min(1).max(200).default(10),
      })
      .strict()
      .refine((r) => r.goods !== undefined || r.firstHalf !== undefined, {
        message: '需要商品类别或前半句',
        path: ['goods'],
      }),
    output: z.array(CandidateSchema),
  },
  convertScript: {
    input: z.union([
      z.object({ text: z.string().max(MAX_TEXT_CHARS), to: ScriptSchema }).strict(),
      z.object({ design: StudioDesignSchema, to: ScriptSchema }).strict(),
    ]),
    output: z.union([z.object({ text: z.string() }), z.object({ design: StudioDesignSchema })]),
    large: true,
  },
  /** A job (jobStatus, cancelJob); the file is offered by its downloadId when done. */
  exportDesign: { input: ExportRequestSchema, output: z.object({ jobId: z.string() }), large: true },
  /** An image the user picked (uploaded first): checked, kept on the main side, named by reference. */
  addAsset: { input: z.object({ uploadId: UploadIdSchema }).strict(), output: AssetRefSchema },
  /** A design file the user picked (uploaded first): checked, its images kept on the main side. */
  openDesign: { input: z.object({ uploadId: UploadIdSchema }).strict(), output: StudioDesignSchema },
  /** The design file, images embedded, written on the main side and offered by its downloadId. */
  saveDesign: {
    input: z.object({ design: StudioDesignSchema }).strict(),
    output: z.object({ downloadId: DownloadIdSchema, fileName: z.string(), bytes: z.number().int() }),
    large: true,
  },
} as const;

/**
 * Every method: input and value schemas. `large: true` marks methods whose input may be large.
 * Each group lives in its own file (api-jobs.ts, api-library.ts, api-batch.ts, api-profile.ts); this is the
 * one contract.
 */
export const API = {
  ...DESIGN_API,
  ...JOBS_API,
  ...LIBRARY_API,
  ...BATCH_API,
  ...PROFILE_API,
  ...KIT_API,
  ...TEAM_STUDIO_API,
} as const;

export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];
export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiValue<M extends ApiMethod> = z.infer<(typeof API)[M]['output']>;
/** A method's input as its handler sees it: parsed, defaults applied. */
export type ApiParsed<M extends ApiMethod> = z.infer<(typeof API)[M]['input']>;

/**
 * Codes of the transports themselves: browser mode's HTTP checks, the desktop's sender check, the
 * page's own "cannot reach the studio", and `internal` for a bug (the user reads a generic line).
 */
export const TRANSPORT_ERROR_CODES = [
  'internal',
  'network',
  'forbidden-sender',
  'method-not-allowed',
  'unknown-method',
  'bad-content-type',
  'bad-json',
  'bad-name',
  'bad-host',
  'bad-origin',
  'bad-token',
  'not-found',
] as const;

/** Every code an error may carry: a closed set, so callers can branch on it. */
export const ApiErrorCodeSchema = z.enum([...STUDIO_ERROR_CODES, ...TRANSPORT_ERROR_CODES]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  /** Chinese, something the user can act on. */
  message: z.string(),
  /** Bad fields by path, and the like. */
  details: z.array(z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The result envelope of a method, for a transport or test to check what crossed. */
export function resultSchema<M extends ApiMethod>(method: M) {
  return z.union([
    z.object({ ok: z.literal(true), value: API[method].output }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);
}

export const isApiMethod = (name: string): name is ApiMethod => Object.prototype.hasOwnProperty.call(API, name);

/** Whether a method's input may run past the small body limit (a design, a long selection). */
export const isLarge = (m: ApiMethod): boolean => 'large' in API[m];
