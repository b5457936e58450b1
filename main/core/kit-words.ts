import { FRAUD_TYPES, type FraudType } from './slogan/names.js';

/** Table headers and cells compare without spaces and with full-width forms folded. */
export const normWord = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
const norm = normWord;

/** Short names police use for the ten types (刷单, 公检法…), beside the full labels and ids. */
const FRAUD_WORDS: Record<string, FraudType> = {
  刷单: 'rebate',
  返利: 'rebate',
  投资: 'investment',
  理财: 'investment',
  购物: 'shopping',
  客服: 'fake-service',
  物流: 'fake-service',
  贷款: 'loan',
  征信: 'credit',
  熟人: 'fake-acquaintance',
  领导: 'fake-acquaintance',
  公检法: 'fake-officials',
  婚恋: 'romance',
  交友: 'romance',
  游戏: 'gaming',
  综合: 'general',
  三不一多: 'general',
};

/** 刷单返利, rebate, or a short name → the fraud type's id; undefined when it is none of them. */
export function fraudTypeOf(text: string): FraudType | undefined {
  const t = norm(text);
  if (!t) return undefined;
  for (const [id, label] of Object.entries(FRAUD_TYPES) as [FraudType, string][])
    if (t === id || t === norm(label) || norm(label).startsWith(t)) return id;
  for (const [word, id] of Object.entries(FRAUD_WORDS)) if (t.includes(word)) return id;
  return undefined;
}
