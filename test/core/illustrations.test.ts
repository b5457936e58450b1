import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  goodsIn,
  IllustrationCatalogueSchema,
  illustrationsForText,
  searchIllustrations,
} from '../../main/core/index.js';
import { GoodsLexiconSchema } from '../../main/core/slogan/index.js';

const TEMPLATES = resolve(import.meta.dirname, '../../templates');
const catalogue = IllustrationCatalogueSchema.parse(
  JSON.parse(readFileSync(resolve(TEMPLATES, 'illustrations/catalogue.json'), 'utf8')),
);
const lexicon = GoodsLexiconSchema.parse(JSON.parse(readFileSync(resolve(TEMPLATES, 'slogans/goods.json'), 'utf8')));

describe('the illustration catalogue', () => {
  it('holds a curated set of about a hundred pictures, each named in Chinese, every goods category pictured', () => {
    expect(catalogue.items.length).toBeGreaterThanOrEqual(60);
    expect(catalogue.items.length).toBeLessThanOrEqual(150);
    for (const it of catalogue.items) expect(it.name, it.id).toMatch(/^[\u4e00-\u9fff]/);
    expect(Object.keys(catalogue.goodsDefaults).sort()).toEqual(Object.keys(lexicon).sort());
    expect(catalogue.source.licence).toBe('MIT');
  });

  it('refuses a repeated id and a category default that is not in it, naming them', () => {
    const items = [catalogue.items[0]!, catalogue.items[0]!];
    const r = IllustrationCatalogueSchema.safeParse({ ...catalogue, items });
    const issues = r.error!.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    expect(issues).toContain('items.1.id：插图编号 "fish" 重复');
    expect(issues).toContain('goodsDefaults.vegetables：插图 "leafy-green" 不在目录中');
  });
});

describe('pictures from the goods a jingle names', () => {
  it('the three seed jingles: fish, greens, chicken', () => {
    expect(illustrationsForText('鲫鱼草鱼多宝鱼、不做骗子的网中鱼', lexicon, catalogue)).toEqual([
      'fish',
      'fish',
      'fish',
    ]);
    expect(illustrationsForText('白菜青菜油麦菜、莫给骗子当韭菜', lexicon, catalogue)).toEqual([
      'leafy-green',
      'leafy-green',
      'leafy-green',
      'leafy-green',
    ]);
    // 大公鸡 is matched whole (not 公鸡 inside it) and has its own picture.
    expect(illustrationsForText('乌鸡土鸡大公鸡、听说转账就挂机', lexicon, catalogue)).toEqual([
      'chicken',
      'chicken',
      'rooster',
    ]);
  });

  it('a word with a picture of its own wins over its category (鸡蛋 → egg, 西红柿 → tomato)', () => {
    expect(goodsIn('鸡蛋鸭蛋咸鸭蛋', lexicon).map((m) => m.word)).toEqual(['鸡蛋', '鸭蛋', '咸鸭蛋']);
    expect(illustrationsForText('西红柿茄子大辣椒', lexicon, catalogue)).toEqual(['tomato', 'eggplant', 'hot-pepper']);
    expect(illustrationsForText('听说转账就挂机', lexicon, catalogue)).toEqual([]);
  });
});

describe('search in Chinese', () => {
  it.each([
    ['鱼', 'fish'],
    ['菜', 'leafy-green'],
    ['鸡', 'chicken'],
    ['手机', 'mobile-phone'],
    ['盾牌', 'shield'],
    ['警察', 'man-police-officer'],
  ])('%s finds %s first', (q, id) => {
    expect(searchIllustrations(q, catalogue, lexicon)[0]?.id).toBe(id);
  });

  it('finds a goods word through its category (鳜鱼 → 鱼), and nothing for nonsense', () => {
    expect(searchIllustrations('鳜鱼', catalogue, lexicon).map((x) => x.id)).toContain('fish');
    expect(searchIllustrations('火箭发射', catalogue, lexicon)).toEqual([]);
    expect(searchIllustrations('', catalogue)).toHaveLength(catalogue.items.length);
  });
});
