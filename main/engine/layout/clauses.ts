import { CLAUSE_SEPARATORS, NO_LINE_START } from './kinsoku.js';
import { words } from './words/words.js';

/** A word of the text with where it starts (in code points of the whole text). */
export interface Token {
  text: string;
  at: number;
  sep: boolean;
}

/** A clause: its words up to and including the separator after it (、，；。！？ or spaces). */
export interface TextClause {
  tokens: Token[];
  /** Han characters in it (punctuation and Latin not counted). */
  han: number;
  /** An explicit line break follows (the user typed one). */
  hardAfter: boolean;
}

/**
 * The shape of a slogan: `halves` is a two-half jingle (白菜青菜油麦菜、莫给骗子当韭菜; 7+7, 9+8,
 * 5+5…), set by its halves; `four` a four-clause slogan (三不一多), set one or two clauses a line.
 */
export type SloganForm = 'halves' | 'four' | null;

const HAN = /\p{Script=Han}/gu;
const isSep = (t: string): boolean => CLAUSE_SEPARATORS.has(t) || /^\s+$/.test(t);

/** Line breaks as one \n each, so token offsets count every break as one code point. */
export const normaliseBreaks = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The text's clauses, paragraph by paragraph (explicit line breaks end a clause too). */
export function textClauses(text: string): TextClause[] {
  const out: TextClause[] = [];
  let at = 0;
  const paragraphs = normaliseBreaks(text).split('\n');
  paragraphs.forEach((para, pi) => {
    let cur: Token[] = [];
    const close = (hardAfter: boolean): void => {
      // Spaces before the first word of a clause are not part of it.
      while (cur.length && /^\s+$/.test(cur[0]!.text)) cur.shift();
      if (cur.length || hardAfter)
        out.push({ tokens: cur, han: cur.reduce((n, t) => n + (t.text.match(HAN)?.length ?? 0), 0), hardAfter });
      cur = [];
    };
    for (const w of words(para)) {
      const sep = isSep(w);
      // A word after a separator starts the next clause; closing marks (」）”) stay with the one
      // they close, or a quote ending in ！」 would leave 」 a line of its own.
      const closing = NO_LINE_START.has([...w][0] ?? '');
      if (!sep && !closing && cur.length && cur.at(-1)!.sep && cur.some((t) => !t.sep)) close(false);
      cur.push({ text: w, at, sep });
      at += [...w].length;
    }
    close(pi < paragraphs.length - 1);
    at += 1; // the line break
  });
  const last = out.at(-1);
  if (last) last.hardAfter = false;
  return out;
}

/** A jingle is two halves (or four clauses) each with at least two Han characters. */
export function sloganForm(clauses: readonly TextClause[]): SloganForm {
  if (clauses.some((c) => c.han < 2)) return null;
  if (clauses.length === 2) return 'halves';
  if (clauses.length === 4) return 'four';
  return null;
}
