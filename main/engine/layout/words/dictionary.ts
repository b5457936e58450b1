import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { StudioError } from '../../../core/index.js';
import { appRoot } from '../../paths.js';

/**
 * jieba's dictionary as `npm run build` writes it (scripts/build-dict.mjs): an index by first
 * character and one compressed bucket per character, then the project's lexicon words with the
 * frequencies jieba would give them. The file is read once (2 MB); a bucket is decoded the first
 * time a text contains its character, so segmenting a slogan decodes a few dozen small buckets,
 * never the whole 349,000 words.
 */
export interface WordDictionary {
  /** Sum of all word frequencies of jieba's dictionary (its `total`). */
  total: number;
  /** Frequency of a word, 0 when the dictionary does not have it. */
  freq(word: string): number;
  /** Longest word (in characters) starting with this character; 0 when none does. */
  maxLen(first: string): number;
  /** The goods and trade words of the project's lexicons (多宝鱼, 网中鱼, 刷单), to add as user words. */
  userWords: ReadonlyMap<string, number>;
}

const VERSION = 3;
const HEAD = 24;

export const dictionaryPath = (): string => join(appRoot(), 'dist', 'dict', 'words.bin');

let loaded: WordDictionary | undefined;

export function wordDictionary(): WordDictionary {
  loaded ??= openDictionary(dictionaryPath());
  return loaded;
}

/** "word freq" lines (freq in base 36) into a map. */
function parseLines(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const line of text.split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp > 0) words.set(line.slice(0, sp), parseInt(line.slice(sp + 1), 36));
  }
  return words;
}

/** The words starting with one character: the rest of each, sorted, searched by bisection. */
interface Bucket {
  maxLen: number;
  /** Frequency of the word made of this character and `rest`; 0 when there is none. */
  freq(rest: string): number;
}

const EMPTY: Bucket = { maxLen: 0, freq: () => 0 };

/**
 * A bucket as written ("maxLen\trests\tfreqs"): splitting two strings costs far less than building
 * a map of a common character's thousands of words, and a slogan looks up only a few of them.
 */
function readBucket(text: string): Bucket {
  const a = text.indexOf('\t');
  const b = text.indexOf('\t', a + 1);
  const rests = text.slice(a + 1, b).split('\n');
  let freqs: string[] | undefined;
  return {
    maxLen: Number(text.slice(0, a)),
    freq(rest) {
      let lo = 0;
      let hi = rests.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = rests[mid]!;
        if (r === rest) {
          freqs ??= text.slice(b + 1).split('\n');
          return parseInt(freqs[mid]!, 36);
        }
        if (r < rest) lo = mid + 1;
        else hi = mid - 1;
      }
      return 0;
    },
  };
}

export function openDictionary(path: string): WordDictionary {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    // Like a missing bundled face: the installation is incomplete, not the user's input.
    throw new StudioError('missing-font', `分词词典缺失：${path}（请先运行 npm run build）`);
  }
  if (buf.length < HEAD || buf.toString('latin1', 0, 4) !== 'CSWD' || buf.readUInt32LE(4) !== VERSION)
    throw new StudioError('missing-font', `分词词典格式不对：${path}（请重新运行 npm run build）`);
  const n = buf.readUInt32LE(12);
  const at = (i: number, k: number): number => buf.readUInt32LE(HEAD + i * 12 + k * 4);
  /** The index entry of a code point, by binary search over the sorted index. */
  const find = (cp: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = at(mid, 0);
      if (v === cp) return mid;
      if (v < cp) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const inflate = (off: number, len: number): string => inflateRawSync(buf.subarray(off, off + len)).toString('utf8');
  const buckets = new Map<string, Bucket>();
  const bucket = (first: string): Bucket => {
    let b = buckets.get(first);
    if (!b) {
      const i = find(first.codePointAt(0) ?? -1);
      b = i < 0 ? EMPTY : readBucket(inflate(at(i, 1), at(i, 2)));
      buckets.set(first, b);
    }
    return b;
  };
  return {
    total: buf.readUInt32LE(8),
    freq: (word) => {
      const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
      return bucket(first).freq(word.slice(first.length));
    },
    maxLen: (first) => bucket(first).maxLen,
    userWords: parseLines(inflate(buf.readUInt32LE(16), buf.readUInt32LE(20))),
  };
}
