import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrThrow } from '../core/index.js';
import {
  GoodsLexiconSchema,
  SloganLibrarySchema,
  WarningLexiconSchema,
  type GoodsLexicon,
  type Slogan,
  type WarningLexicon,
} from '../core/slogan/vocabulary.js'; // not the barrel: it loads pinyin-pro (~0.1 s), which no render needs
import { templatesDir } from './paths.js';

const read = (file: string): unknown => JSON.parse(readFileSync(join(templatesDir(), 'slogans', file), 'utf8'));

let slogans: Slogan[] | undefined;
let lexicon: { goods: GoodsLexicon; warnings: WarningLexicon } | undefined;

/** The shipped slogan library (templates/slogans/slogans.json), validated. */
export function sloganLibrary(): Slogan[] {
  slogans ??= parseOrThrow(SloganLibrarySchema, read('slogans.json'), '标语库 slogans.json ');
  return slogans;
}

/** The composer's lexicons: goods by category, warning halves by fraud type. */
export function sloganLexicon(): { goods: GoodsLexicon; warnings: WarningLexicon } {
  lexicon ??= {
    goods: parseOrThrow(GoodsLexiconSchema, read('goods.json'), '商品词表 goods.json '),
    warnings: parseOrThrow(WarningLexiconSchema, read('warnings.json'), '提醒词表 warnings.json '),
  };
  return lexicon;
}
