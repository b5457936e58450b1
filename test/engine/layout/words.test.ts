import { Jieba } from '@node-rs/jieba';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionaryPath, openDictionary } from '../../../main/engine/layout/words/dictionary.js';
import { segmenter } from '../../../main/engine/layout/words/jieba.js';
import { words } from '../../../main/engine/layout/words/words.js';
import { sloganLexicon, sloganLibrary } from '../../../main/engine/slogan-library.js';
import { OUT_DIR } from '../../helpers/designs.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const texts = (): string[] => [
  ...sloganLibrary().map((s) => s.text),
  ...Object.values(sloganLexicon().warnings).flat(),
  '未知链接不点击陌生来电不轻信个人信息不透露转账汇款多核实',
  '全国反诈劝阻专线接到请接听扫码下载国家反诈中心中华人民共和国公安部提醒您警惕电信网络诈骗',
];

describe('jieba over the compact dictionary', () => {
  it('cuts exactly as jieba (@node-rs/jieba, HMM off) does over the same dictionary', () => {
    const ours = segmenter(openDictionary(dictionaryPath()));
    const theirs = Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
    let runs = 0;
    for (const t of texts())
      for (const run of t.match(HAN_RUN) ?? []) {
        expect(ours.cut(run), run).toEqual(theirs.cut(run, false));
        runs++;
      }
    expect(runs).toBeGreaterThan(400);
  });

  it('refuses a missing or foreign dictionary file with a message saying what to do', () => {
    expect(() => openDictionary(`${OUT_DIR}no-such-words.bin`)).toThrow(/npm run build/);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(`${OUT_DIR}bad-words.bin`, 'not a dictionary');
    expect(() => openDictionary(`${OUT_DIR}bad-words.bin`)).toThrow(/格式不对/);
  });

  it('is a few megabytes, not the 5 MB text file, and carries the lexicons as user words', () => {
    expect(readFileSync(dictionaryPath()).length).toBeLessThan(2.5e6);
    const user = openDictionary(dictionaryPath()).userWords;
    for (const w of ['多宝鱼', '油麦菜', '大公鸡', '网中鱼', '刷单'])
      expect(user.get(w), w).toBeGreaterThanOrEqual(1000);
  });
});

describe('words: where a line may break', () => {
  it('keeps the goods and fraud words of the lexicons whole (jieba alone splits 多|宝|鱼, 网|中|鱼)', () => {
    expect(words('鲫鱼草鱼多宝鱼、不做骗子的网中鱼')).toEqual([
      '鲫鱼',
      '草鱼',
      '多宝鱼',
      '、',
      '不',
      '做',
      '骗子',
      '的',
      '网中鱼',
    ]);
    expect(words('白菜青菜油麦菜、莫给骗子当韭菜').slice(0, 3)).toEqual(['白菜', '青菜', '油麦菜']);
    expect(words('乌鸡土鸡大公鸡、听说转账就挂机')).toEqual(expect.arrayContaining(['大公鸡', '转账', '挂机']));
    expect(words('鲈鱼鳜鱼大青鱼、代练代充有猫腻')).toEqual(expect.arrayContaining(['代练', '代充']));
  });

  it('never puts a break inside a goods word of the lexicon, in any jingle of the library', () => {
    const goods = [...new Set(Object.values(sloganLexicon().goods).flat())];
    for (const s of sloganLibrary()) {
      // Where a line may break: after each word.
      const ends = new Set<number>();
      let at = 0;
      for (const w of words(s.text)) ends.add((at += [...w].length));
      const chars = [...s.text];
      for (const g of goods) {
        const n = [...g].length;
        for (let i = 0; i + n <= chars.length; i++) {
          if (chars.slice(i, i + n).join('') !== g) continue;
          for (let k = i + 1; k < i + n; k++) expect(ends.has(k), `${s.text}: ${g}`).toBe(false);
        }
      }
    }
  });

  it('keeps numbers and Latin words whole, punctuation and spaces apart', () => {
    expect(words('拨打96110或下载App！')).toEqual(['拨打', '96110', '或', '下载', 'App', '！']);
    expect(words('反诈 专线')).toEqual(['反诈', ' ', '专线']);
  });

  it('loses no character and adds none', () => {
    for (const t of texts()) expect(words(t).join('')).toBe(t);
  });
});
