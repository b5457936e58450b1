import { readFileSync } from 'node:fs';
import { designFromTemplate, type Design, type TextElement } from '../../main/core/index.js';
import { CLAUSE_SEPARATORS } from '../../main/engine/layout/kinsoku.js';
import { words } from '../../main/engine/layout/words/words.js';
import { listTemplates } from '../../main/engine/templates.js';

/** The jingle set of the typesetting tests (test/fixtures/jingles/jingles.json). */
export const JINGLES: string[] = (
  JSON.parse(readFileSync(new URL('../fixtures/jingles/jingles.json', import.meta.url), 'utf8')) as {
    jingles: string[];
  }
).jingles;

/** Every template with a slogan slot, as a design, with its slogan element. */
export function sloganTemplates(): { id: string; design: Design; slogan: TextElement }[] {
  return listTemplates().flatMap((t) => {
    const design = designFromTemplate(t);
    const slogan = design.elements.find((e) => e.slot === 'slogan');
    return slogan?.type === 'text' ? [{ id: t.id, design, slogan }] : [];
  });
}

/** The template with its slogan replaced. */
export function withSlogan(design: Design, text: string): Design {
  return {
    ...design,
    elements: design.elements.map((e) => (e.slot === 'slogan' && e.type === 'text' ? { ...e, text } : e)),
  };
}

/** Separators and spaces: what a setting may hang, drop or turn into a space at a break. */
const isMark = (c: string): boolean => CLAUSE_SEPARATORS.has(c) || /\s/.test(c);
const strip = (s: string): string[] => [...s].filter((c) => !isMark(c));

/**
 * What a print designer would reject in a setting of `text` as `lines` (the text of each line or
 * column, read back from the output): a character lost or added, a break inside a word, a two-half
 * jingle not on its halves (1 line, or 2, 4, 6, 8 lines with the halves' boundary at the middle
 * break), a four-clause slogan not by clauses (1, 2, 4 or 8 lines, clause boundaries at breaks).
 */
export function settingProblems(text: string, lines: readonly string[]): string[] {
  const problems: string[] = [];
  const body = strip(text);
  const set = lines.map(strip);
  if (set.flat().join('') !== body.join('')) return [`characters differ: ${lines.join(' / ')}`];
  // Word ends, counted in characters without marks.
  const ends = new Set<number>([0]);
  let at = 0;
  for (const w of words(text)) {
    at += strip(w).length;
    ends.add(at);
  }
  const breaks: number[] = [];
  at = 0;
  for (const l of set.slice(0, -1)) breaks.push((at += l.length));
  for (const b of breaks) if (!ends.has(b)) problems.push(`break inside a word at ${b}: ${lines.join(' / ')}`);
  // Clause boundaries, in the same count.
  const clauses = text
    .split(/[、，,；;。！!？?\s]+/u)
    .filter((c) => c.length)
    .map((c) => strip(c).length);
  const bounds: number[] = [];
  at = 0;
  for (const c of clauses.slice(0, -1)) bounds.push((at += c));
  const n = lines.length;
  const has = (b: number): boolean => breaks.includes(b);
  if (clauses.length === 2) {
    if (n !== 1 && !(n % 2 === 0 && breaks[n / 2 - 1] === bounds[0]))
      problems.push(`halves not kept (${n} lines): ${lines.join(' / ')}`);
  } else if (clauses.length === 4) {
    const ok =
      n === 1 ||
      (n === 2 && breaks[0] === bounds[1]) ||
      (n === 4 && bounds.every(has)) ||
      (n === 8 && bounds.every(has));
    if (!ok) problems.push(`clauses not kept (${n} lines): ${lines.join(' / ')}`);
  }
  return problems;
}
