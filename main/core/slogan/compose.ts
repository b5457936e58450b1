import { RHYME_STRENGTH, rhymeBetween, splitHalves, type RhymeKind } from './check.js';
import { syllables, type Syllable } from './syllables.js';
import type { FraudType, GoodsCategory, GoodsLexicon, WarningLexicon } from './vocabulary.js';

export interface Candidate {
  text: string;
  halves: [string, string];
  form: string;
  rhyme: RhymeKind;
  /** Higher is better: rhyme strength first, then the preferred forms, then balance. */
  score: number;
}

/** Forms in order of preference (DESIGN.md §6 and issue #3): 7+7, then 7+8, 9+8, 5+5. */
const FORM_RANK = ['7+7', '7+8', '9+8', '5+5'];
const HAN = /\p{Script=Han}/gu;
const hanCount = (s: string) => s.match(HAN)?.length ?? 0;

const lastCache = new Map<string, Syllable | undefined>();
function last(text: string): Syllable | undefined {
  if (!lastCache.has(text)) lastCache.set(text, syllables(text).at(-1));
  return lastCache.get(text);
}

function score(rhyme: RhymeKind, n1: number, n2: number): number {
  const form = FORM_RANK.indexOf(`${n1}+${n2}`);
  const formScore = form < 0 ? 0 : FORM_RANK.length - form;
  return RHYME_STRENGTH[rhyme] * 100 + formScore * 10 - Math.abs(n1 - n2);
}

/** A first half and a warning half as a jingle, or null when their last syllables do not rhyme. */
export function candidate(first: string, warning: string): Candidate | null {
  const a = last(first);
  const b = last(warning);
  if (!a || !b) return null;
  const rhyme = rhymeBetween(a, b);
  if (rhyme === 'none') return null;
  const n1 = hanCount(first);
  const n2 = hanCount(warning);
  return {
    text: `${first}、${warning}`,
    halves: [first, warning],
    form: `${n1}+${n2}`,
    rhyme,
    score: score(rhyme, n1, n2),
  };
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.text.localeCompare(b.text, 'zh');

/**
 * Warning halves for a given first half (three goods): every warning of the fraud type whose last
 * syllable rhymes with the first half's, strongest rhyme and best form first.
 */
export function suggestWarnings(
  firstHalf: string,
  fraudTypes: readonly FraudType[],
  warnings: WarningLexicon,
  count: number,
): Candidate[] {
  const first = firstHalf.trim().replace(/[，,、;；\s]+$/u, '');
  const pool = [...new Set(fraudTypes.flatMap((t) => warnings[t] ?? []))];
  return pool
    .flatMap((w) => candidate(first, w) ?? [])
    .sort(byScore)
    .slice(0, count);
}

/**
 * First halves from a goods category: two short goods and a longer one (2+2+3 = 7 characters,
 * the market pattern 白菜青菜油麦菜), or three of three (9), or a short and a long one (5). The
 * last word carries the rhyme, so each is tried in last place, with the others rotated in front
 * for variety.
 */
function firstHalves(words: readonly string[]): string[] {
  const two = words.filter((w) => w.length === 2);
  const three = words.filter((w) => w.length === 3);
  const out: string[] = [];
  // 猪蹄 + 猪肝 + 大猪蹄 repeats itself: no word may contain another of the same half.
  const add = (...ws: (string | undefined)[]) => {
    if (ws.some((w) => !w)) return;
    const list = ws as string[];
    if (list.every((a, i) => list.every((b, j) => i === j || !b.includes(a)))) out.push(list.join(''));
  };
  three.forEach((lastWord, i) => {
    add(two[i % Math.max(1, two.length)], two[(i + 1) % Math.max(1, two.length)], lastWord);
    add(three[(i + 1) % three.length], three[(i + 2) % three.length], lastWord);
    add(two[i % Math.max(1, two.length)], lastWord);
  });
  // 2+3+2 also makes seven: 青菜+油麦菜+韭菜.
  two.forEach((lastWord, i) => add(two[(i + 1) % two.length], three[i % Math.max(1, three.length)], lastWord));
  return [...new Set(out)];
}

/** Complete jingles for the goods on the stall and the fraud type of the week, best first. */
export function composeSlogans(
  goods: GoodsCategory,
  fraudTypes: readonly FraudType[],
  lexicon: { goods: GoodsLexicon; warnings: WarningLexicon },
  count: number,
): Candidate[] {
  const words = lexicon.goods[goods] ?? [];
  const pool = [...new Set(fraudTypes.flatMap((t) => lexicon.warnings[t] ?? []))];
  const seen = new Set<string>();
  const all: Candidate[] = [];
  for (const first of firstHalves(words)) {
    for (const w of pool) {
      const c = candidate(first, w);
      if (c && !seen.has(c.text)) {
        seen.add(c.text);
        all.push(c);
      }
    }
  }
  // Variety: at most two candidates per warning half in the top of the list.
  const perWarning = new Map<string, number>();
  const ranked = all.sort(byScore);
  const top: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const c of ranked) {
    const n = perWarning.get(c.halves[1]) ?? 0;
    perWarning.set(c.halves[1], n + 1);
    (n < 2 ? top : rest).push(c);
  }
  return [...top, ...rest].slice(0, count);
}

export { splitHalves };
