import { z } from 'zod';
import { IllustrationIdSchema } from './design/elements.js';
import { checkUniqueIds } from './unique-ids.js';
import { GoodsCategorySchema, type GoodsCategory, type GoodsLexicon } from './slogan/vocabulary.js';

/*
 * The offline illustration set (issue #14 §3): a curated selection of Fluent Emoji Flat (MIT)
 * for market goods and anti-fraud motifs. templates/illustrations/catalogue.json names each
 * picture in Chinese (and says which goods it shows); fluent-emoji-flat.json holds its shapes,
 * extracted from the npm package by scripts/extract-illustrations.mjs. Pure: the renderer may
 * search the catalogue too.
 */

export const ILLUSTRATION_CATALOGUE_ID = 'campaign-studio/illustrations';
export const ILLUSTRATION_SHAPES_ID = 'campaign-studio/illustration-shapes';

export const ILLUSTRATION_GROUPS = {
  goods: '商品',
  motif: '反诈元素',
  people: '人物',
  market: '市场',
  ornament: '装饰',
} as const;
export type IllustrationGroup = keyof typeof ILLUSTRATION_GROUPS;

export const IllustrationInfoSchema = z.object({
  id: IllustrationIdSchema,
  /** Chinese name shown in the picker: 鱼, 青菜, 手机. */
  name: z.string().min(1).max(12),
  /** More words it is found by, including the goods words it stands for (鲫鱼, 草鱼…). */
  keywords: z.array(z.string().min(1).max(8)).max(60).default([]),
  group: z.enum(Object.keys(ILLUSTRATION_GROUPS) as [IllustrationGroup, ...IllustrationGroup[]]),
  /** The icon's name in the source set. */
  icon: z.string().regex(/^[a-z0-9-]+$/),
});
export type IllustrationInfo = z.infer<typeof IllustrationInfoSchema>;

export const IllustrationCatalogueSchema = z
  .object({
    schema: z.literal(ILLUSTRATION_CATALOGUE_ID),
    version: z.literal(1),
    source: z.object({
      name: z.string(),
      package: z.string(),
      author: z.string(),
      licence: z.string(),
      url: z.string(),
    }),
    /** The picture of each goods category, for goods words no picture names itself. */
    goodsDefaults: z.record(GoodsCategorySchema, IllustrationIdSchema),
    items: z.array(IllustrationInfoSchema).min(1).max(400),
  })
  .superRefine((c, ctx) => {
    const ids = checkUniqueIds(c.items, 'items', '插图编号', ctx);
    for (const [cat, id] of Object.entries(c.goodsDefaults))
      if (!ids.has(id))
        ctx.addIssue({ code: 'custom', path: ['goodsDefaults', cat], message: `插图 "${id}" 不在目录中` });
  });
export type IllustrationCatalogue = z.infer<typeof IllustrationCatalogueSchema>;

/**
 * One filled shape of a picture, in the picture's own units (y down). Path data is normalised at
 * extraction to absolute M, L, C and Z only, with any transform applied, so every writer (SVG,
 * pdfkit's path parser, culling boxes) reads the same simple syntax.
 */
export const IllustrationShapeSchema = z.object({
  d: z.string().regex(/^(?:[MLCZ]|-?\d+(?:\.\d+)?|[ ,])+$/, '插图路径只能含绝对坐标的 M、L、C、Z'),
  fill: z.string().regex(/^#[0-9A-F]{6}$/),
  opacity: z.number().min(0).max(1).optional(),
  evenOdd: z.boolean().optional(),
});
export type IllustrationShape = z.infer<typeof IllustrationShapeSchema>;

export const IllustrationShapesSchema = z.object({
  schema: z.literal(ILLUSTRATION_SHAPES_ID),
  version: z.literal(1),
  source: z.object({ package: z.string(), version: z.string() }),
  icons: z.record(
    IllustrationIdSchema,
    z.object({
      width: z.number().positive(),
      height: z.number().positive(),
      shapes: z.array(IllustrationShapeSchema).min(1),
    }),
  ),
});
export type IllustrationShapes = z.infer<typeof IllustrationShapesSchema>;
export type IllustrationArt = IllustrationShapes['icons'][string];

/** A goods word found in a text, in reading order. */
export interface GoodsMention {
  word: string;
  category: GoodsCategory;
}

const indexes = new WeakMap<GoodsLexicon, { byWord: Map<string, GoodsCategory>; longest: number }>();

/** The lexicon by word (first category wins), built once per lexicon: it runs per keystroke. */
function wordIndex(lexicon: GoodsLexicon): { byWord: Map<string, GoodsCategory>; longest: number } {
  let hit = indexes.get(lexicon);
  if (!hit) {
    const byWord = new Map<string, GoodsCategory>();
    let longest = 0;
    for (const [cat, words] of Object.entries(lexicon) as [GoodsCategory, string[]][])
      for (const w of words) {
        if (!byWord.has(w)) byWord.set(w, cat);
        longest = Math.max(longest, w.length);
      }
    hit = { byWord, longest };
    indexes.set(lexicon, hit);
  }
  return hit;
}

/** Goods words of the lexicon in a text, longest match first at each position: 大公鸡, not 公鸡. */
export function goodsIn(text: string, lexicon: GoodsLexicon): GoodsMention[] {
  const { byWord, longest } = wordIndex(lexicon);
  const chars = [...text];
  const found: GoodsMention[] = [];
  for (let i = 0; i < chars.length;) {
    let hit: GoodsMention | undefined;
    for (let n = Math.min(longest, chars.length - i); n >= 2 && !hit; n--) {
      const w = chars.slice(i, i + n).join('');
      const cat = byWord.get(w);
      if (cat) hit = { word: w, category: cat };
    }
    if (hit) {
      found.push(hit);
      i += [...hit.word].length;
    } else i++;
  }
  return found;
}

/** The picture of one goods word: one that names the word itself (鸡蛋 → egg), else its category's. */
export function illustrationOfGoods(m: GoodsMention, catalogue: IllustrationCatalogue): string | undefined {
  return catalogue.items.find((it) => it.keywords.includes(m.word))?.id ?? catalogue.goodsDefaults[m.category];
}

/** The pictures of the goods a text names, in order, one per goods word (鲫鱼草鱼多宝鱼 → fish ×3). */
export function illustrationsForText(text: string, lexicon: GoodsLexicon, catalogue: IllustrationCatalogue): string[] {
  return goodsIn(text, lexicon).flatMap((m) => {
    const id = illustrationOfGoods(m, catalogue);
    return id ? [id] : [];
  });
}

/**
 * Pictures for a search in Chinese (鱼, 菜, 鸡, 手机, 盾牌): by name, then keyword, then the goods
 * a word belongs to (鲫鱼 → 鱼). An empty query lists them all, in catalogue order.
 */
export function searchIllustrations(
  query: string,
  catalogue: IllustrationCatalogue,
  lexicon?: GoodsLexicon,
): IllustrationInfo[] {
  const q = query.trim().toLowerCase();
  if (!q) return catalogue.items;
  // Exact name first, then the name containing it, then keywords in the order they are listed
  // (an item's first keyword is what it most is), then partial keyword matches.
  const rank = (it: IllustrationInfo): number => {
    if (it.name === q || it.id === q) return 0;
    if (it.name.includes(q)) return 1;
    const k = it.keywords.indexOf(q);
    if (k >= 0) return 1 + (k + 1) / 100;
    if (it.keywords.some((w) => w.includes(q)) || it.id.includes(q)) return 2;
    return 9;
  };
  const ranked = catalogue.items.map((it) => ({ it, r: rank(it) })).filter((x) => x.r < 9);
  if (lexicon)
    for (const m of goodsIn(q, lexicon)) {
      const id = illustrationOfGoods(m, catalogue);
      const it = catalogue.items.find((x) => x.id === id);
      if (it && !ranked.some((x) => x.it === it)) ranked.push({ it, r: 3 });
    }
  return ranked.sort((a, b) => a.r - b.r).map((x) => x.it);
}
