import type { AudiencePlan, AudienceRow, FraudTips, GridKitSpec } from './kit.js';
import { fraudTypeOf, normWord } from './kit-words.js';
import { composeSlogans } from './slogan/compose.js';
import { FRAUD_TYPES, type FraudType } from './slogan/names.js';
import type { GoodsLexicon, Slogan, WarningLexicon } from './slogan/vocabulary.js';

/*
 * The grid-group kit's plan (issue #16 §3): for each audience the fraud types that target it (the
 * kit's curated table, or what the user's list says), a jingle — from the slogan library for its
 * main fraud type, published ones first, else composed by the engine, or one of a topic's curated
 * jingles — never the same for two audiences, and the message to paste into the group: the
 * jingle, one or two short sentences on what to watch for, and the hotline. Pure.
 */

export interface GridJingleData {
  spec: Pick<GridKitSpec, 'audiences' | 'topics'>;
  tips: FraudTips;
  slogans: readonly Slogan[];
  lexicon: { goods: GoodsLexicon; warnings: WarningLexicon };
}

/** Who to call besides 96110, from the unit's details. */
export interface GridContact {
  unit: string;
  local: string;
}

interface Warn {
  id: string;
  label: string;
  message: string;
  tip: string;
}

/** A fraud type's id, a topic's key, or either's name → what it is. */
function resolveWarn(word: string, data: GridJingleData): Warn | undefined {
  const topics = Object.entries(data.spec.topics);
  const topic = topics.find(
    ([k, t]) => k === word || normWord(t.label) === normWord(word) || normWord(t.label).startsWith(normWord(word)),
  );
  if (topic) return { id: topic[0], label: topic[1].label, message: topic[1].message, tip: topic[1].tip };
  const t = (word in FRAUD_TYPES ? word : fraudTypeOf(word)) as FraudType | undefined;
  if (!t) return undefined;
  const tip = data.tips[t];
  return { id: t, label: FRAUD_TYPES[t], message: tip?.message ?? '', tip: tip?.tip ?? '' };
}

/** The library's published jingles (a campaign's source) before those written for the library. */
const published = (s: Slogan) => (s.source === '本库编写' ? 1 : 0);

function jingleFor(main: Warn, data: GridJingleData, used: Set<string>, goodsUsed: Set<string>): string | undefined {
  const topic = data.spec.topics[main.id];
  if (topic) return topic.jingles.find((j) => !used.has(j));
  const t = main.id as FraudType;
  // Goods not yet used by another audience first (a week of fish jingles reads as one), then published ones.
  const fresh = (s: Slogan) => (s.goods.some((g) => goodsUsed.has(g)) ? 1 : 0);
  const library = data.slogans
    .filter((s) => s.fraudTypes.includes(t))
    .sort((a, b) => fresh(a) - fresh(b) || published(a) - published(b))
    .map((s) => s.text);
  const composed = composeSlogans('vegetables', [t], data.lexicon, 20).map((c) => c.text);
  return [...library, ...composed].find((j) => !used.has(j));
}

/** What the message says about the dangers, at most (Chinese characters and marks). */
const MAX_WARNING_CHARS = 80;

/** The message for the group: the jingle, what to watch for (two sentences at most), who to call. */
export function groupMessage(
  audience: string,
  greeting: string,
  jingle: string,
  warns: readonly Warn[],
  contact?: GridContact,
): string {
  const lines = [`【反诈提醒】${greeting || `${audience}请注意`}：${jingle}`];
  const said = warns
    .slice(0, 2)
    .map((w) => w.message)
    .filter(Boolean);
  // Two short sentences, or one when both would run long (a message read on a phone).
  lines.push(said.join('').length > MAX_WARNING_CHARS ? (said[0] ?? '') : said.join(''));
  const who = contact?.local || contact?.unit;
  const local = who ? `，或联系${who}` : '';
  lines.push(`遇到可疑情况，请拨打全国反诈专线 96110${local}。`);
  return lines.filter(Boolean).join('\n');
}

/** Every audience's plan, in order, no jingle twice. */
export function planGridAudiences(
  rows: readonly AudienceRow[],
  data: GridJingleData,
  contact?: GridContact,
): AudiencePlan[] {
  const used = new Set<string>();
  const goodsUsed = new Set<string>();
  const goodsOf = new Map(data.slogans.map((s) => [s.text, s.goods]));
  return rows.map((row) => {
    const known = data.spec.audiences[row.audience];
    const words = row.warns?.length ? row.warns : (known?.warns ?? ['general']);
    const warns = words.map((w) => resolveWarn(w, data));
    const bad = words.filter((_, i) => !warns[i]);
    const ok = warns.filter((w): w is Warn => !!w);
    const main = ok[0];
    const jingle = main ? jingleFor(main, data, used, goodsUsed) : undefined;
    if (jingle) used.add(jingle);
    for (const g of goodsOf.get(jingle ?? '') ?? []) goodsUsed.add(g);
    const plan: AudiencePlan = {
      audience: row.audience,
      warns: ok.map((w) => ({ id: w.id, label: w.label })),
      jingle: jingle ?? '',
      message: jingle ? groupMessage(row.audience, known?.greeting ?? '', jingle, ok, contact) : '',
    };
    if (bad.length) plan.problem = `「${row.audience}」的诈骗类型「${bad.join('、')}」无法识别`;
    else if (!jingle)
      plan.problem = `「${row.audience}」没有可用的标语：请在标语库中为「${main?.label ?? ''}」补充标语`;
    return plan;
  });
}

/** The tip of an audience's main warning (for the images' tips slot). */
export function mainTip(plan: AudiencePlan, data: GridJingleData): string {
  const id = plan.warns[0]?.id;
  if (!id) return '';
  const tip = data.spec.topics[id]?.tip ?? data.tips[id as FraudType]?.tip ?? '';
  // A line the jingle already says (公检法不会电话办案) is not said twice.
  return tip
    .split('\n')
    .filter((line) => !plan.jingle.includes(line.trim()))
    .join('\n');
}
