import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrThrow } from '../../../core/index.js';
import { GoodsLexiconSchema } from '../../../core/slogan/vocabulary.js';
import { templatesDir } from '../../paths.js';

let goods: Set<string> | undefined;

/**
 * The goods words of the slogan composer's lexicon (templates/slogans/goods.json), for the emphasis
 * of goods words. (The line breaker's copy of the lexicons is in its dictionary, made at build.)
 */
export function goodsWords(): ReadonlySet<string> {
  goods ??= new Set(
    Object.values(
      parseOrThrow(
        GoodsLexiconSchema,
        JSON.parse(readFileSync(join(templatesDir(), 'slogans', 'goods.json'), 'utf8')),
        '商品词表 goods.json ',
      ),
    ).flat(),
  );
  return goods;
}
