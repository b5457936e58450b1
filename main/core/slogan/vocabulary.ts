import { z } from 'zod';
import { FRAUD_TYPES, GOODS_CATEGORIES, type FraudType, type GoodsCategory } from './names.js';

export * from './names.js';

export const FraudTypeSchema = z.enum(Object.keys(FRAUD_TYPES) as [FraudType, ...FraudType[]], {
  message: `诈骗类型应为：${Object.keys(FRAUD_TYPES).join('、')}`,
});

export const GoodsCategorySchema = z.enum(Object.keys(GOODS_CATEGORIES) as [GoodsCategory, ...GoodsCategory[]], {
  message: `商品类别应为：${Object.keys(GOODS_CATEGORIES).join('、')}`,
});

/** One slogan of the library (templates/slogans/slogans.json). */
export const SloganSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** The two halves separated by 、，, or a space, e.g. 白菜青菜油麦菜、莫给骗子当韭菜. */
  text: z.string().min(4).max(40),
  goods: z.array(GoodsCategorySchema).min(1),
  fraudTypes: z.array(FraudTypeSchema).min(1),
  /** Where it comes from: a published campaign, or written for this library. */
  source: z.string().max(100).default('本库编写'),
});
export type Slogan = z.infer<typeof SloganSchema>;
export const SloganLibrarySchema = z.array(SloganSchema).min(1);

/**
 * Goods words by category (templates/slogans/goods.json): the first half of a jingle is three
 * of them, e.g. 白菜 + 青菜 + 油麦菜. Words of 2 and 3 characters are both needed (2+2+3 = 7).
 */
export const GoodsLexiconSchema = z.record(GoodsCategorySchema, z.array(z.string().min(1).max(5)).min(3));
export type GoodsLexicon = z.infer<typeof GoodsLexiconSchema>;

/** Warning halves by fraud type (templates/slogans/warnings.json), e.g. 莫给骗子当韭菜. */
export const WarningLexiconSchema = z.record(FraudTypeSchema, z.array(z.string().min(4).max(10)).min(3));
export type WarningLexicon = z.infer<typeof WarningLexiconSchema>;
