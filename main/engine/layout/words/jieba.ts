import type { WordDictionary } from './dictionary.js';

/** Words added on top of the dictionary (the goods and fraud lexicons), with their frequencies. */
export type UserWords = ReadonlyMap<string, number>;

export interface Segmenter {
  /** A run of Han characters cut into words. */
  cut(run: string): string[];
}

/**
 * jieba's own algorithm without its HMM (what `jieba.cut(text, HMM=False)` does): the DAG of every
 * dictionary word starting at each character, then the route of greatest probability from the end,
 * each word weighing log(freq / total); a character no word covers stands alone (freq 1). User words
 * count as dictionary words, and the total grows by their frequencies, as jieba's add_word does.
 */
export function segmenter(dict: WordDictionary, user: UserWords = new Map()): Segmenter {
  let userTotal = 0;
  const userMax = new Map<string, number>();
  for (const [w, f] of user) {
    userTotal += f;
    const first = String.fromCodePoint(w.codePointAt(0) ?? 0);
    userMax.set(first, Math.max(userMax.get(first) ?? 0, [...w].length));
  }
  const logTotal = Math.log(dict.total + userTotal);
  const freq = (w: string): number => user.get(w) ?? dict.freq(w);
  return {
    cut(run: string): string[] {
      const chars = [...run];
      const n = chars.length;
      // route[i]: best log probability of chars[i..] and the end (exclusive) of its first word.
      const logP = new Float64Array(n + 1);
      const end = new Int32Array(n + 1);
      for (let i = n - 1; i >= 0; i--) {
        const c = chars[i]!;
        const longest = Math.min(n - i, Math.max(dict.maxLen(c), userMax.get(c) ?? 0, 1));
        let best = -Infinity;
        let bestEnd = i + 1;
        let word = '';
        for (let k = 1; k <= longest; k++) {
          word += chars[i + k - 1]!;
          const f = freq(word);
          if (f <= 0) continue;
          const p = Math.log(f) - logTotal + logP[i + k]!;
          // Ties go to the longer word, as jieba's max over (probability, end) tuples does.
          if (p >= best) {
            best = p;
            bestEnd = i + k;
          }
        }
        // No word starts here: the character stands alone, at frequency 1 (jieba's DAG fallback).
        if (best === -Infinity) best = -logTotal + logP[i + 1]!;
        logP[i] = best;
        end[i] = bestEnd;
      }
      const out: string[] = [];
      for (let i = 0; i < n; i = end[i]!) out.push(chars.slice(i, end[i]).join(''));
      return out;
    },
  };
}
