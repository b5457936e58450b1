import type { Stall } from '../../../main/core/kit.js';

/*
 * The market kit's stall form: one stall a line, its name then its goods (鱼摊：鲫鱼 草鱼, or
 * 鱼摊 鲫鱼 草鱼), as officers jot a market down. Parsed here so the screen can say which line is
 * wrong before anything is sent; the main side checks the stalls again (core/kit.ts).
 */

/** The Sanming example (DESIGN.md §1): the README's and the user guide's demo. */
export const DEMO_STALLS = '鱼摊：鲫鱼 草鱼\n菜摊：白菜 青菜\n禽摊：乌鸡 土鸡';

export interface ParsedStalls {
  stalls: Stall[];
  /** 1-based line numbers of lines that are not a stall (a name with no goods). */
  bad: number[];
}

const split = (s: string) => s.split(/[\s、，,；;/|]+/u).filter(Boolean);

export function stallsFromText(text: string): ParsedStalls {
  const stalls: Stall[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.search(/[：:]/);
    const [name, ...goods] = colon >= 0 ? [line.slice(0, colon).trim(), ...split(line.slice(colon + 1))] : split(line);
    if (!name || goods.length === 0 || name.length > 20 || goods.length > 8 || goods.some((g) => g.length > 6))
      bad.push(i + 1);
    else stalls.push({ name, goods });
  });
  return { stalls, bad };
}

/** Stalls back as the form's text (after a table was read). */
export function stallsToText(stalls: readonly Stall[]): string {
  return stalls.map((s) => `${s.name}：${s.goods.join(' ')}`).join('\n');
}
