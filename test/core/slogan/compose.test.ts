import { describe, expect, it } from 'vitest';
import {
  checkSlogan,
  composeSlogans,
  suggestWarnings,
  type GoodsLexicon,
  type WarningLexicon,
} from '../../../main/core/slogan/index.js';

// A small lexicon written here, so these tests do not move when the shipped library grows.
const goods = {
  poultry: ['乌鸡', '土鸡', '鸭子', '大公鸡', '老母鸡', '小土鸡'],
  vegetables: ['白菜', '青菜', '菠菜', '油麦菜', '空心菜', '小白菜'],
} as GoodsLexicon;
const warnings = {
  'fake-officials': ['听说转账就挂机', '公检法不会电话办案', '安全账户是陷阱'],
  rebate: ['刷单返利全是局', '莫给骗子当韭菜', '点赞返现是圈套'],
  general: ['陌生来电要警惕', '转账汇款多核实', '天上不会掉钱财'],
} as WarningLexicon;

describe('suggest warning halves for a first half', () => {
  it('returns only rhyming warnings of the chosen type, strongest rhyme first', () => {
    const list = suggestWarnings('乌鸡土鸡大公鸡', ['fake-officials', 'general'], warnings, 10);
    // 实 shi is 支, not 齐: 转账汇款多核实 does not rhyme with 鸡.
    expect(list.map((c) => c.halves[1])).toEqual(['听说转账就挂机', '陌生来电要警惕']);
    expect(list.map((c) => c.rhyme)).toEqual(['homophone', 'rhyme-group']);
  });

  it('answers nothing when no warning rhymes', () => {
    expect(suggestWarnings('白菜青菜油麦菜', ['fake-officials'], warnings, 10)).toEqual([]);
  });
});

describe('compose complete jingles', () => {
  it('builds three goods of the category plus a rhyming warning, 7+7 first, all rhyming', () => {
    const list = composeSlogans('vegetables', ['rebate', 'general'], { goods, warnings }, 20);
    expect(list.length).toBeGreaterThan(3);
    for (const c of list) {
      const check = checkSlogan(c.text);
      expect(check.rhyme, c.text).not.toBe('none');
      expect(check.rhyme).toBe(c.rhyme);
      const [first] = c.halves;
      expect(goods.vegetables.filter((w) => first.includes(w)).length, first).toBeGreaterThanOrEqual(2);
    }
    expect(list[0]!.rhyme).toBe('same-character');
    expect(list[0]!.form).toBe('7+7');
    // Ranked: scores never increase down the list within the varied top.
    const forms = list.map((c) => c.form);
    expect(forms.indexOf('7+7')).toBe(0);
  });

  it('returns nothing for a category the lexicon lacks', () => {
    expect(composeSlogans('fish', ['rebate'], { goods, warnings }, 5)).toEqual([]);
  });
});

describe('first halves', () => {
  it('never put a word beside a longer form of itself (猪蹄 … 大猪蹄)', () => {
    const meat = { meat: ['猪蹄', '猪肝', '牛肉', '大猪蹄', '五花肉', '排骨肉'] } as GoodsLexicon;
    const list = composeSlogans(
      'meat',
      ['general', 'rebate', 'fake-officials'],
      {
        goods: meat,
        warnings: { ...warnings, general: ['骗子专挑你大意', '陌生链接莫点击', '转账之前问清楚'] } as WarningLexicon,
      },
      50,
    );
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      for (const w of meat.meat) expect(c.halves[0].split(w).length - 1, `${w} in ${c.text}`).toBeLessThanOrEqual(1);
    }
  });
});
