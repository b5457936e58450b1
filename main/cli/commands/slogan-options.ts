import { FRAUD_TYPES, GOODS_CATEGORIES, type FraudType, type GoodsCategory } from '../../core/slogan/index.js';
import { UsageError } from '../io.js';

/** A goods category by id (vegetables) or by its Chinese name (蔬菜). */
export function goodsOption(v: string): GoodsCategory {
  const hit = Object.entries(GOODS_CATEGORIES).find(([id, label]) => id === v || label === v);
  if (!hit)
    throw new UsageError(
      `未知的商品类别「${v}」；可选：${Object.entries(GOODS_CATEGORIES)
        .map(([id, l]) => `${l}（${id}）`)
        .join('、')}`,
    );
  return hit[0] as GoodsCategory;
}

/** A fraud type by id (rebate) or by its Chinese name (刷单返利). */
export function fraudTypeOption(v: string): FraudType {
  const hit = Object.entries(FRAUD_TYPES).find(([id, label]) => id === v || label === v || label.startsWith(v));
  if (!hit)
    throw new UsageError(
      `未知的诈骗类型「${v}」；可选：${Object.entries(FRAUD_TYPES)
        .map(([id, l]) => `${l}（${id}）`)
        .join('、')}`,
    );
  return hit[0] as FraudType;
}

export const RHYME_LABEL = {
  'same-character': '同字',
  homophone: '同音',
  'rhyme-group': '同韵',
  none: '不押韵',
} as const;
