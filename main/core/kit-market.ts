import type { FraudTips, MarketKitSpec, Stall, StallJingle, StallPlan } from './kit.js';
import { checkSlogan } from './slogan/check.js';
import { stallJingles, type StallCandidate } from './slogan/stall.js';
import {
  FRAUD_TYPES,
  type FraudType,
  type GoodsCategory,
  type GoodsLexicon,
  type WarningLexicon,
} from './slogan/vocabulary.js';

/*
 * The market kit's jingles (issue #16 §2): one rhyming jingle per stall, made from the stall's own
 * goods by the slogan engine, no two stalls alike (neither the jingle nor its warning half), each
 * with the tip for the fraud type it warns about and the alternatives the user may swap in. Pure:
 * the studio's API and the CLI call it with the lexicons and the kit's data.
 */

export interface MarketJingleData {
  lexicon: { goods: GoodsLexicon; warnings: WarningLexicon };
  spec: Pick<MarketKitSpec, 'fraudByGoods' | 'defaultFraudTypes' | 'categoryHints'>;
  tips: FraudTips;
}

/** Alternatives offered for each stall. */
export const MAX_ALTERNATIVES = 8;

/** The goods category of a stall: its goods as the lexicon knows them (most votes), else a telling character. */
export function stallCategory(stall: Stall, data: MarketJingleData): GoodsCategory | null {
  const votes = new Map<GoodsCategory, number>();
  for (const [cat, words] of Object.entries(data.lexicon.goods) as [GoodsCategory, string[]][])
    for (const g of stall.goods) if (words.includes(g)) votes.set(cat, (votes.get(cat) ?? 0) + 1);
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  const hints = data.spec.categoryHints as Record<string, GoodsCategory>;
  // The goods' last characters say most (鲈鱼, 芥菜), then any character, then the stall's name (鱼摊).
  for (const text of [...stall.goods.map((g) => g.slice(-1)), stall.goods.join(''), stall.name])
    for (const ch of text) if (hints[ch]) return hints[ch];
  return null;
}

/** The fraud types a stall's jingle may warn about, first choice first. */
export function stallFraudTypes(stall: Stall, category: GoodsCategory | null, data: MarketJingleData): FraudType[] {
  if (stall.fraudType) return [stall.fraudType];
  return (category && data.spec.fraudByGoods[category]) || data.spec.defaultFraudTypes;
}

/** Best first, but a warning half at most twice until every other one had its turn: swaps that say something else. */
function varied(cs: readonly StallCandidate[]): StallCandidate[] {
  const seen = new Map<string, number>();
  const first: StallCandidate[] = [];
  const rest: StallCandidate[] = [];
  for (const c of cs) {
    const n = seen.get(c.halves[1]) ?? 0;
    seen.set(c.halves[1], n + 1);
    (n < 2 ? first : rest).push(c);
  }
  return [...first, ...rest];
}

const warningHalf = (text: string) =>
  text
    .split(/[、，,；;\s]+/u)
    .filter(Boolean)
    .at(-1) ?? text;

function asJingle(c: StallCandidate, data: MarketJingleData): StallJingle {
  return { text: c.text, fraudType: c.fraudType, tip: data.tips[c.fraudType]?.tip ?? '', rhyme: c.rhyme };
}

/** A jingle the user typed or picked: kept as written, its rhyme judged by the engine. */
function ownJingle(
  text: string,
  stall: Stall,
  fraudTypes: FraudType[],
  known: StallCandidate[],
  data: MarketJingleData,
): StallJingle {
  const hit = known.find((c) => c.text === text);
  if (hit) return asJingle(hit, data);
  let rhyme: StallJingle['rhyme'] = 'none';
  try {
    rhyme = checkSlogan(text).rhyme;
  } catch {
    // Not two halves: kept as the user wrote it, marked as not rhyming.
  }
  const fraudType = stall.fraudType ?? fraudTypes[0] ?? 'general';
  return { text, fraudType, tip: data.tips[fraudType]?.tip ?? '', rhyme };
}

/**
 * Every stall's plan, in order: the best jingle no earlier stall took (text or warning half), or the
 * user's own choice where given (`chosen[i]`), and the alternatives nobody else uses.
 */
export function planMarketJingles(
  stalls: readonly Stall[],
  data: MarketJingleData,
  chosen: readonly (string | null | undefined)[] = [],
): StallPlan[] {
  const per = stalls.map((stall) => {
    const category = stallCategory(stall, data);
    const types = stallFraudTypes(stall, category, data);
    return { stall, category, types, candidates: stallJingles(stall.goods, category, types, data.lexicon) };
  });
  const usedText = new Set(chosen.filter((c): c is string => !!c));
  const usedWarning = new Set([...usedText].map(warningHalf));
  const picks = per.map((p, i): StallJingle | null => {
    const own = chosen[i];
    if (own) return ownJingle(own, p.stall, p.types, p.candidates, data);
    const fresh =
      p.candidates.find((c) => !usedText.has(c.text) && !usedWarning.has(c.halves[1])) ??
      p.candidates.find((c) => !usedText.has(c.text));
    if (!fresh) return null;
    usedText.add(fresh.text);
    usedWarning.add(fresh.halves[1]);
    return asJingle(fresh, data);
  });
  const taken = new Set(picks.flatMap((j) => (j ? [j.text] : [])));
  return per.map((p, i) => {
    const jingle = picks[i] ?? null;
    const alternatives = varied(p.candidates)
      .filter((c) => c.text === jingle?.text || !taken.has(c.text))
      .filter((c) => c.text !== jingle?.text)
      .slice(0, MAX_ALTERNATIVES)
      .map((c) => asJingle(c, data));
    const plan: StallPlan = { stall: p.stall, category: p.category, jingle, alternatives };
    if (!jingle)
      plan.problem = `「${p.stall.name}」的商品（${p.stall.goods.join('、')}）与${p.types.map((t) => FRAUD_TYPES[t]).join('、')}的提醒语押不上韵：请换一样商品、换诈骗类型，或自己写一句`;
    return plan;
  });
}
