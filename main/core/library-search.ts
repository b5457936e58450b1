import { z } from 'zod';
import { SampleKindSchema, SampleSchema } from './library.js';
import { FraudTypeSchema } from './slogan/vocabulary.js';

/*
 * The sample library's search and statistics as the studio sees them (issue #6): the query, a hit
 * with its highlighted fields, facet counts, statistics. main/library/search.ts runs the query;
 * the renderer imports the types from here.
 */

const month = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, '日期应为 YYYY-MM 或 YYYY-MM-DD');

export const SearchQuerySchema = z.object({
  text: z.string().max(200, '搜索词不能超过 200 个字').default(''),
  kind: z.array(SampleKindSchema).max(20).default([]),
  fraudType: z.array(FraudTypeSchema).max(20).default([]),
  unit: z.array(z.string().max(100)).max(50).default([]),
  channel: z.array(z.string().max(60)).max(50).default([]),
  tags: z.array(z.string().max(40)).max(20).default([]),
  /** From this month or day on (YYYY-MM or YYYY-MM-DD). */
  from: month.optional(),
  /** Up to this month or day (YYYY-MM or YYYY-MM-DD), inclusive. */
  to: month.optional(),
  trashed: z.boolean().default(false),
  sort: z
    .enum(['relevance', 'date', 'title'], { message: '排序应为 relevance（相关度）、date（日期）或 title（标题）' })
    .default('relevance'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000, '每次至多 1000 个').default(50),
  /** Facet counts cost extra scans (≈ 47 ms p95 for 1–2 characters over 10,000): ask only when the filter panel shows them. */
  facets: z.boolean().default(false),
});
export type SearchQuery = z.input<typeof SearchQuerySchema>;
export type ParsedSearchQuery = z.infer<typeof SearchQuerySchema>;

export const SEARCH_FIELDS = ['title', 'slogan', 'tags', 'unit', 'location', 'notes'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** The metadata fields as users know them, for messages and forms. */
export const SAMPLE_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  kind: '类型',
  format: '规格',
  widthMm: '宽度',
  heightMm: '高度',
  publishedAt: '发布日期',
  unit: '单位',
  location: '地点',
  channel: '渠道',
  fraudTypes: '诈骗类型',
  tags: '标签',
  slogan: '标语',
  notes: '备注',
};

/**
 * A highlighted field as plain text pieces: even indexes are ordinary text, odd indexes are
 * matches. The UI renders each piece as text (never markup), marking the odd ones.
 */
export const HighlightSchema = z.array(z.string());
export type Highlight = z.infer<typeof HighlightSchema>;

export const SearchHitSchema = z.object({
  sample: SampleSchema,
  highlights: z.object(
    Object.fromEntries(SEARCH_FIELDS.map((f) => [f, HighlightSchema.optional()])) as Record<
      SearchField,
      z.ZodOptional<typeof HighlightSchema>
    >,
  ),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

const Counts = z.record(z.string(), z.number().int());
export const FacetsSchema = z.object({
  kind: Counts,
  fraudType: Counts,
  unit: Counts,
  channel: Counts,
  tags: Counts,
  /** Samples per year published (YYYY), under every filter but the date range. */
  year: Counts,
});
export type Facets = z.infer<typeof FacetsSchema>;

export const SearchResultSchema = z.object({
  total: z.number().int(),
  hits: z.array(SearchHitSchema),
  facets: FacetsSchema.optional(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const LibraryStatsSchema = z.object({
  total: z.number().int(),
  trashed: z.number().int(),
  /** YYYY-MM → samples published that month (live samples only). */
  byMonth: Counts,
  byKind: Counts,
  byFraudType: Counts,
  byUnit: Counts,
  files: z.number().int(),
  bytes: z.number(),
});
export type LibraryStats = z.infer<typeof LibraryStatsSchema>;

/** Split a text at every occurrence of any word: [plain, match, plain, match, …, plain]; null when none occurs. */
export function highlightPieces(text: string, words: readonly string[]): Highlight | null {
  if (!text || !words.length) return null;
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const pieces = text.split(re);
  return pieces.length > 1 ? pieces : null;
}
