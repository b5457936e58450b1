/*
 * The fraud types and goods categories by id, with the labels users read. No imports: the page
 * lists them without pulling the schemas (vocabulary.ts) into its bundle.
 */

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
