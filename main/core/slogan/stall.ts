import { candidate, type Candidate } from './compose.js';
import type { FraudType, GoodsCategory, GoodsLexicon, WarningLexicon } from './vocabulary.js';

/*
 * Jingles for one market stall from the goods it sells (issue #16 §2): the first half names the
 * stall's own goods (鲫鱼、草鱼 → 鲫鱼草鱼多宝鱼), filled up with goods of the same kind from the
 * lexicon, and the warning half comes from the fraud types police pair with those goods. The
 * slogan engine's own pairing and ranking (compose.ts) decide: strongest rhyme first, then the
 * preferred forms; a jingle naming more of the stall's goods ranks higher within its class.
 */

export interface StallCandidate extends Candidate {
  /** The fraud type its warning half was taken from. */
  fraudType: FraudType;
  /** How well it names the stall's goods (stallFirstHalves). */
  named: number;
}

/** Words of the first half: seven characters or so (2+2+3), at most nine. */
const MIN_CHARS = 5;
const MAX_CHARS = 9;
/** Naming one more of the stall's goods is worth less than a better form (10) or rhyme (100). */
const NAMED_BONUS = 4;
/** Naming them in the order the stall gave them (鲫鱼草鱼…, as the stall keeper says it) breaks ties. */
const ORDER_BONUS = 1;

const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);

/**
 * First halves naming the stall's goods (two of them at least when it sells two), each with its
 * weight: how many of the stall's goods it names, and whether in the stall's own order.
 */
export function stallFirstHalves(goods: readonly string[], kindWords: readonly string[]): Map<string, number> {
  const own = [...new Set(goods.map((g) => g.trim()).filter(Boolean))];
  const more = kindWords.filter((w) => !own.some((g) => overlaps(g, w)));
  const out = new Map<string, number>();
  const add = (words: string[]) => {
    const text = words.join('');
    if (text.length < MIN_CHARS || text.length > MAX_CHARS) return;
    if (words.some((a, i) => words.some((b, j) => i !== j && overlaps(a, b)))) return;
    const order = words.map((w) => own.indexOf(w)).filter((k) => k >= 0);
    const inOrder = order.every((k, i) => i === 0 || k > order[i - 1]!);
    const weight = NAMED_BONUS * order.length + (inOrder ? ORDER_BONUS : 0);
    out.set(text, Math.max(out.get(text) ?? 0, weight));
  };
  if (own.length >= 2) {
    for (const a of own)
      for (const b of own) {
        if (a === b) continue;
        for (const last of [...own, ...more]) if (last !== a && last !== b) add([a, b, last]);
        add([a, b]);
      }
  } else {
    const [g] = own;
    if (!g) return out;
    for (const a of more) {
      for (const last of more) if (last !== a) add([g, a, last]);
      add([a, g]);
      for (const b of more) if (b !== a) add([a, b, g]);
    }
  }
  return out;
}

/**
 * Rhyming jingles for a stall, best first: its first halves (above) against every warning half of
 * the fraud types given (in order of preference), each jingle once.
 */
export function stallJingles(
  goods: readonly string[],
  category: GoodsCategory | null,
  fraudTypes: readonly FraudType[],
  lexicon: { goods: GoodsLexicon; warnings: WarningLexicon },
): StallCandidate[] {
  const halves = stallFirstHalves(goods, category ? (lexicon.goods[category] ?? []) : []);
  const warnings = new Map<string, FraudType>();
  for (const t of fraudTypes) for (const w of lexicon.warnings[t] ?? []) if (!warnings.has(w)) warnings.set(w, t);
  const out = new Map<string, StallCandidate>();
  for (const [first, named] of halves) {
    for (const [w, fraudType] of warnings) {
      const c = candidate(first, w);
      if (!c) continue;
      const score = c.score + named - fraudTypes.indexOf(fraudType);
      const prev = out.get(c.text);
      if (!prev || prev.score < score) out.set(c.text, { ...c, score, fraudType, named });
    }
  }
  return [...out.values()].sort((a, b) => b.score - a.score || a.text.localeCompare(b.text, 'zh'));
}
