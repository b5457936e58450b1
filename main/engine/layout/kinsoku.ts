/**
 * Chinese line-breaking rules (禁则): characters that may not start a line (closing punctuation,
 * pause marks) and characters that may not end one (opening brackets). GB/T 15834 and the W3C
 * "Requirements for Chinese Text Layout" (clreq) list the same sets.
 */
export const NO_LINE_START = new Set([...'、。，．,.!！?？:：;；」』）)］]｝}〕〉》】〗〙〛’”〞‐–—…‥～~·・%％‰°℃']);
export const NO_LINE_END = new Set([...'「『（(［[｛{〔〈《【〖〘〚‘“〝']);

/** Clause separators of a slogan: where a 7+7 slogan splits into its two halves. */
export const CLAUSE_SEPARATORS = new Set([...'、，,；;。！!？? ︐︑︔︒︕︖']);
/** Separators that are dropped when a line ends on them (a comma or pause at a line end adds nothing). */
export const DROPPED_AT_LINE_END = new Set([...'、，,；; ︐︑︔']);

/**
 * Text split into unbreakable units: one CJK character (with any closing punctuation glued to it
 * is decided by the breaker, not here), a Latin word or number, or a single space. Numbers such as
 * 96110 never break.
 */
export function segment(text: string): string[] {
  const units: string[] = [];
  let word = '';
  for (const ch of text) {
    if (/[A-Za-z0-9@#&+\-_'./:%]/.test(ch) && !(ch === '.' && !word) && !(ch === ':' && !word)) {
      word += ch;
      continue;
    }
    if (word) {
      units.push(word);
      word = '';
    }
    units.push(ch);
  }
  if (word) units.push(word);
  return units;
}

const first = (s: string): string => [...s][0] ?? '';
const last = (s: string): string => [...s].at(-1) ?? '';

/** May a line break fall between these two units? */
export function canBreakBetween(before: string, after: string): boolean {
  if (NO_LINE_START.has(first(after))) return false;
  if (NO_LINE_END.has(last(before))) return false;
  return true;
}
