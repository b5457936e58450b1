import { z } from 'zod';

/**
 * The ten high-incidence fraud types (2024 list, DESIGN.md §5) plus general advice (三不一多 and
 * the like). Ids are stable for files and the CLI; labels are what users read.
 */
export const FRAUD_TYPES = {
  rebate: '刷单返利',
  investment: '虚假网络投资理财',
  shopping: '虚假购物服务',
  'fake-service': '冒充电商物流客服',
  loan: '虚假贷款',
  credit: '虚假征信',
  'fake-acquaintance': '冒充领导熟人',
  'fake-officials': '冒充公检法及政府机关',
  romance: '网络婚恋交友',
  gaming: '网络游戏产品虚假交易',
  general: '综合提醒（三不一多等）',
} as const;
export type FraudType = keyof typeof FRAUD_TYPES;
export const FraudTypeSchema = z.enum(Object.keys(FRAUD_TYPES) as [FraudType, ...FraudType[]], {
  message: `诈骗类型应为：${Object.keys(FRAUD_TYPES).join('、')}`,
});

/** Goods categories of a market stall, as police match them to the fraud type of the week. */
export const GOODS_CATEGORIES = {
  fish: '鱼',
  seafood: '海鲜水产',
  vegetables: '蔬菜',
  poultry: '禽类',
  eggs: '蛋',
  fruit: '水果',
  melons: '瓜',
  meat: '肉',
  mushrooms: '菌菇',
  seasonings: '调料',
  'grain-oil': '粮油',
  'dry-goods': '干货',
  snacks: '小吃零食',
  tofu: '豆制品',
} as const;
export type GoodsCategory = keyof typeof GOODS_CATEGORIES;
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
