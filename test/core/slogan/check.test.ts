import { describe, expect, it } from 'vitest';
import { checkSlogan, splitHalves, splitSyllable, rhymeGroupOf, syllables } from '../../../main/core/slogan/index.js';

describe('rhyme check of real jingles', () => {
  it.each([
    ['白菜青菜油麦菜、莫给骗子当韭菜', 'same-character', '7+7'],
    ['鲫鱼草鱼多宝鱼、不做骗子的网中鱼', 'same-character', '7+8'],
    ['乌鸡土鸡大公鸡、听说转账就挂机', 'homophone', '7+7'],
    ['砂糖橘子大蜜橘、刷单返利是骗局', 'homophone', '7+7'],
    ['土豆洋芋马铃薯，陌生链接别点入', 'rhyme-group', '7+7'],
    ['香菇平菇金针菇，骗子话术别疏忽', 'rhyme-group', '7+7'],
    ['猪蹄鸭蹄大鹅蹄、天上掉饼莫在意', 'rhyme-group', '7+7'],
    ['草鱼鲤鱼黄花鱼 网上投资是骗局', 'rhyme-group', '7+7'],
  ])('%s → %s', (text, rhyme, form) => {
    const r = checkSlogan(text);
    expect(r.rhyme).toBe(rhyme);
    expect(r.form).toBe(form);
  });

  it.each([
    '白菜青菜油麦菜、陌生电话别接听',
    '白菜青菜油麦菜，陌生电话别接听',
    '鲫鱼草鱼多宝鱼、转账之前先核实',
    '乌鸡土鸡大公鸡、个人信息不外传',
    // 菜 cai and 来 lai rhyme, but 开 and 微 do not: 菜 / 贝 must be none.
    '白菜青菜油麦菜、骗子专盯宝贝',
  ])('%s → none', (text) => {
    expect(checkSlogan(text).rhyme).toBe('none');
  });

  it('reports halves, counts and the pinyin and group of each end', () => {
    const r = checkSlogan('乌鸡土鸡大公鸡、听说转账就挂机');
    expect(r.halves).toEqual(['乌鸡土鸡大公鸡', '听说转账就挂机']);
    expect(r.counts).toEqual([7, 7]);
    expect(r.ends.map((e) => [e.char, e.pinyin, e.group])).toEqual([
      ['鸡', 'ji', '齐'],
      ['机', 'ji', '齐'],
    ]);
    expect(r.explanation).toContain('同音');
  });
});

describe('halves', () => {
  it.each([
    '白菜青菜油麦菜，莫给骗子当韭菜',
    '白菜青菜油麦菜,莫给骗子当韭菜',
    '白菜青菜油麦菜、莫给骗子当韭菜',
    '白菜青菜油麦菜 莫给骗子当韭菜',
    '白菜青菜油麦菜\n莫给骗子当韭菜',
    '白菜青菜油麦菜、莫给骗子当韭菜！',
  ])('splits %j', (t) => {
    expect(splitHalves(t)).toEqual(['白菜青菜油麦菜', '莫给骗子当韭菜']);
  });
  it('refuses a text that is not two halves, saying so', () => {
    expect(() => splitHalves('白菜青菜油麦菜莫给骗子当韭菜')).toThrow(/两半/);
    expect(() => splitHalves('一、二、三')).toThrow(/3 段/);
  });
});

describe('polyphones are read in context', () => {
  const read = (t: string) =>
    syllables(t)
      .map((s) => s.pinyin)
      .join(' ');
  it.each([
    ['钱要存银行', 'qian yao cun yin hang'],
    ['不转账就不行', 'bu zhuan zhang jiu bu xing'],
    ['骗子花招长', 'pian zi hua zhao chang'],
    ['快去告诉家长', 'kuai qu gao su jia zhang'],
    ['个人信息很重要', 'ge ren xin xi hen zhong yao'],
    ['骗局一重又一重', 'pian ju yi chong you yi chong'],
    ['借钱要还', 'jie qian yao huan'],
    ['还钱', 'huan qian'],
    ['还有', 'hai you'],
  ])('%s', (t, expected) => expect(read(t)).toBe(expected));

  it('a polyphone decides the rhyme by its reading', () => {
    expect(checkSlogan('鸭肠鸡肠猪大肠、存钱就去找银行').rhyme).toBe('rhyme-group');
    expect(checkSlogan('萝卜青菜白菜帮、贷款先交钱不行').rhyme).toBe('none');
  });
});

describe('中华新韵 groups from pinyin', () => {
  it.each([
    ['yu', 'ü', '齐'],
    ['ju', 'ü', '齐'],
    ['lü', 'ü', '齐'],
    ['lv', 'ü', '齐'],
    ['zhi', '-i', '支'],
    ['si', '-i', '支'],
    ['ji', 'i', '齐'],
    ['er', 'er', '齐'],
    ['gu', 'u', '姑'],
    ['wei', 'uei', '微'],
    ['gui', 'ui', '微'],
    ['you', 'iou', '尤'],
    ['yue', 'üe', '皆'],
    ['xue', 'üe', '皆'],
    ['yuan', 'üan', '寒'],
    ['qun', 'ün', '文'],
    ['zhuang', 'uang', '唐'],
    ['yong', 'iong', '庚'],
    ['guo', 'uo', '波'],
    ['ge', 'e', '波'],
    ['bo', 'o', '波'],
    ['hua', 'ua', '麻'],
    ['cai', 'ai', '开'],
    ['bao', 'ao', '豪'],
  ])('%s → %s, %s', (syl, final, group) => {
    expect(splitSyllable(syl).final).toBe(final);
    expect(rhymeGroupOf(splitSyllable(syl).final)).toBe(group);
  });
});
