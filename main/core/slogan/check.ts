import { StudioError } from '../errors.js';
import { syllables, type Syllable } from './syllables.js';

export const RHYME_KINDS = ['same-character', 'homophone', 'rhyme-group', 'none'] as const;
export type RhymeKind = (typeof RHYME_KINDS)[number];

/** How strong each kind of rhyme is, for ranking suggestions. */
export const RHYME_STRENGTH: Record<RhymeKind, number> = {
  'same-character': 3,
  homophone: 2,
  'rhyme-group': 1,
  none: 0,
};

const SEPARATOR = /[，,、;；\s]+/u;
const HAN = /\p{Script=Han}/u;

export interface RhymeCheck {
  text: string;
  halves: [string, string];
  /** Chinese characters in each half (punctuation not counted). */
  counts: [number, number];
  /** e.g. "7+7". */
  form: string;
  rhyme: RhymeKind;
  /** The last syllable of each half. */
  ends: [Syllable, Syllable];
  /** Why, in Chinese, e.g. 「鱼」yu（齐韵）与「局」ju（齐韵）同韵. */
  explanation: string;
}

/** The two halves of a slogan, split at its separator (，,、；space or line break). */
export function splitHalves(text: string): [string, string] {
  const parts = text
    .trim()
    .replace(/[。！!？?…]+$/u, '')
    .split(SEPARATOR)
    .filter((p) => HAN.test(p));
  if (parts.length !== 2) {
    throw new StudioError(
      'invalid-input',
      `标语「${text}」应为两半，中间用 ，、 空格或换行分开（现在是 ${parts.length} 段）`,
    );
  }
  return [parts[0]!, parts[1]!];
}

/** Classify the rhyme of two syllables. */
export function rhymeBetween(a: Syllable, b: Syllable): RhymeKind {
  if (a.char === b.char && a.group === b.group) return 'same-character';
  if (a.pinyin === b.pinyin) return 'homophone';
  if (a.group && a.group === b.group) return 'rhyme-group';
  return 'none';
}

const GROUP = (s: Syllable) => (s.group ? `${s.group}韵` : '无韵部');
const SAY: Record<RhymeKind, string> = {
  'same-character': '同字相押',
  homophone: '同音相押',
  'rhyme-group': '同韵相押',
  none: '不押韵',
};

function lastSyllable(half: string): Syllable {
  const s = syllables(half).at(-1);
  if (!s) throw new StudioError('invalid-input', `「${half}」中没有汉字`);
  return s;
}

/** Check a slogan: its halves, their lengths, and whether and how their last syllables rhyme. */
export function checkSlogan(text: string): RhymeCheck {
  const halves = splitHalves(text);
  const counts = halves.map((h) => [...h].filter((c) => HAN.test(c)).length) as [number, number];
  const ends: [Syllable, Syllable] = [lastSyllable(halves[0]), lastSyllable(halves[1])];
  const rhyme = rhymeBetween(ends[0], ends[1]);
  const [a, b] = ends;
  return {
    text,
    halves,
    counts,
    form: `${counts[0]}+${counts[1]}`,
    rhyme,
    ends,
    explanation: `「${a.char}」${a.pinyin}（${GROUP(a)}）与「${b.char}」${b.pinyin}（${GROUP(b)}）${SAY[rhyme]}`,
  };
}
