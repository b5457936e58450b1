import { describe, expect, it } from 'vitest';
import {
  checkSlogan,
  FRAUD_TYPES,
  GOODS_CATEGORIES,
  type FraudType,
  type GoodsCategory,
} from '../../main/core/slogan/index.js';
import { sloganLexicon, sloganLibrary } from '../../main/engine/slogan-library.js';

describe('the shipped slogan library', () => {
  const lib = sloganLibrary();

  it('holds at least 80 slogans with unique ids and texts, including the three of DESIGN.md §1', () => {
    expect(lib.length).toBeGreaterThanOrEqual(80);
    expect(new Set(lib.map((s) => s.id)).size).toBe(lib.length);
    expect(new Set(lib.map((s) => s.text)).size).toBe(lib.length);
    const texts = lib.map((s) => s.text);
    for (const t of [
      '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
      '白菜青菜油麦菜、莫给骗子当韭菜',
      '乌鸡土鸡大公鸡、听说转账就挂机',
    ])
      expect(texts).toContain(t);
  });

  it('every slogan rhymes', () => {
    const bad = lib
      .map((s) => checkSlogan(s.text))
      .filter((r) => r.rhyme === 'none')
      .map((r) => `${r.text}: ${r.explanation}`);
    expect(bad).toEqual([]);
  });

  it('uses all three kinds of rhyme', () => {
    const kinds = new Set(lib.map((s) => checkSlogan(s.text).rhyme));
    expect([...kinds].sort()).toEqual(['homophone', 'rhyme-group', 'same-character']);
  });

  it('covers every fraud type and goods category', () => {
    for (const t of Object.keys(FRAUD_TYPES) as FraudType[])
      expect(lib.filter((s) => s.fraudTypes.includes(t)).length, t).toBeGreaterThanOrEqual(3);
    for (const g of Object.keys(GOODS_CATEGORIES) as GoodsCategory[])
      expect(lib.filter((s) => s.goods.includes(g)).length, g).toBeGreaterThanOrEqual(2);
  });
});

describe('the composer lexicons', () => {
  const { goods, warnings } = sloganLexicon();

  it('have goods of two and three characters in every category', () => {
    for (const g of Object.keys(GOODS_CATEGORIES) as GoodsCategory[]) {
      const words = goods[g] ?? [];
      expect(words.filter((w) => w.length === 2).length, g).toBeGreaterThanOrEqual(3);
      expect(words.filter((w) => w.length === 3).length, g).toBeGreaterThanOrEqual(3);
    }
  });

  it('have warning halves for every fraud type', () => {
    for (const t of Object.keys(FRAUD_TYPES) as FraudType[])
      expect((warnings[t] ?? []).length, t).toBeGreaterThanOrEqual(5);
  });
});
