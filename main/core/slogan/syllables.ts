import { customPinyin, pinyin } from 'pinyin-pro';
import { rhymeGroupOf, splitSyllable, type RhymeGroup } from './rhyme-groups.js';

// Readings pinyin-pro gets wrong in anti-fraud wording (还钱 is huán qián, not hái qián).
customPinyin({
  还钱: 'huán qián',
  还款: 'huán kuǎn',
  还贷: 'huán dài',
  还债: 'huán zhài',
  还清: 'huán qīng',
  数数: 'shǔ shù',
});

export interface Syllable {
  char: string;
  /** Toneless pinyin with ü, e.g. "lü". */
  pinyin: string;
  /** 1–4, 0 for the neutral tone. */
  tone: number;
  final: string;
  group: RhymeGroup | null;
}

/** The Han characters of a text with their readings in context (polyphones read by their words). */
export function syllables(text: string): Syllable[] {
  const all = pinyin(text, { type: 'all', toneType: 'none', v: false });
  const out: Syllable[] = [];
  all.forEach((p, i) => {
    if (!p.isZh || !p.pinyin) return;
    let syl = p.pinyin.replace(/v/g, 'ü');
    // 还 ending a clause is "give back" (借钱要还, 有借有还): the adverb hái always has a verb after it.
    if (p.origin === '还' && !all[i + 1]?.isZh) syl = 'huan';
    const { final } = splitSyllable(syl);
    out.push({ char: p.origin, pinyin: syl, tone: p.num, final, group: rhymeGroupOf(final) });
  });
  return out;
}
