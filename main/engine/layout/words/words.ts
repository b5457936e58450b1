import { segment } from '../kinsoku.js';
import { wordDictionary } from './dictionary.js';
import { segmenter, type Segmenter } from './jieba.js';

const HAN = /^\p{Script=Han}$/u;

let seg: Segmenter | undefined;
const cache = new Map<string, string[]>();

/**
 * Text cut into the units a line may break between: Chinese words (jieba over its dictionary and
 * the project's lexicons: 多宝鱼, 油麦菜, 刷单 stay whole), Latin words and numbers (96110), single
 * punctuation marks and spaces. Cached per text: while a user types, each keystroke's text is new
 * once and then laid out again for every preview and export.
 */
export function words(text: string): string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  if (!seg) {
    const dict = wordDictionary();
    seg = segmenter(dict, dict.userWords);
  }
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run) out.push(...seg!.cut(run));
    run = '';
  };
  for (const unit of segment(text)) {
    if (HAN.test(unit)) run += unit;
    else {
      flush();
      out.push(unit);
    }
  }
  flush();
  if (cache.size > 2000) cache.clear();
  cache.set(text, out);
  return out;
}
