// Converts jieba's dictionary (node_modules/@node-rs/jieba/dict.txt, MIT) and the project's
// lexicons (templates/slogans/goods.json, words.json) into the compact word file the line breaker
// reads, dist/dict/words.bin. Run by `npm run build`; the output is derived, so it is not
// committed. Skipped when the output is newer than its sources and this script.
//
// Layout (all integers little-endian):
//   "CSWD" | u32 version | u32 total frequency of jieba's dictionary | u32 bucket count n
//   | u32 offset and u32 length of the user words
//   n × (u32 first character's code point | u32 offset | u32 length), sorted by code point
//   the buckets: each raw-deflated UTF-8 text "maxLen\trest\nrest…\tfreq\nfreq…" of the words
//   that start with that character: rest = the word without its first character, in JavaScript's
//   string order (the reader searches them by bisection), freq in base 36, maxLen in characters
//   the user words: raw-deflated UTF-8 "word freq\n"… (freq in base 36)
// Only all-Han words are kept (the segmenter sees runs of Han characters only); the total stays
// the whole dictionary's, so word probabilities are jieba's own.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'dict', 'words.bin');
const LEXICONS = ['goods.json', 'words.json'].map((f) => join(ROOT, 'templates', 'slogans', f));
export const VERSION = 3;
const HEAD = 24;

/**
 * A lexicon word is at least as frequent as an everyday word of jieba's dictionary, so it stays
 * whole beside any neighbour, not only on its own (what jieba's suggest_freq alone guarantees).
 */
const FLOOR = 1000;

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

/** Every word of the lexicons: goods by category, trade words by group. */
function lexiconWords() {
  const out = [];
  for (const file of LEXICONS)
    for (const list of Object.values(JSON.parse(readFileSync(file, 'utf8'))))
      for (const w of list) {
        if (!/^\p{Script=Han}{1,12}$/u.test(w)) throw new Error(`${file}: "${w}" is not a word of Han characters`);
        if ([...w].length > 1) out.push(w);
      }
  return [...new Set(out)];
}

export function buildDict({ force = false } = {}) {
  const require = createRequire(import.meta.url);
  const src = require.resolve('@node-rs/jieba/dict.txt');
  const self = fileURLToPath(import.meta.url);
  if (!force && mtime(OUT) > Math.max(mtime(src), mtime(self), ...LEXICONS.map(mtime))) return OUT;
  const text = readFileSync(src, 'utf8');
  const HAN = /^\p{Script=Han}+$/u;
  const all = new Map();
  let total = 0;
  for (const line of text.split('\n')) {
    const [word, f] = line.split(' ');
    if (!word || !f) continue;
    total += Number(f);
    all.set(word, (all.get(word) ?? 0) + Number(f));
  }
  // jieba's suggest_freq(word): just enough that the word beats its own pieces, cut by jieba itself.
  const { Jieba } = require('@node-rs/jieba');
  const jieba = Jieba.withDict(Buffer.from(text, 'utf8'));
  const user = lexiconWords().map((w) => {
    let p = 1;
    for (const piece of jieba.cut(w, false)) p *= Math.max(all.get(piece) ?? 0, 1) / total;
    return `${w} ${Math.max(Math.floor(p * total) + 1, all.get(w) ?? 0, FLOOR).toString(36)}`;
  });
  const buckets = new Map();
  for (const [word, f] of all) {
    if (!HAN.test(word)) continue;
    const first = String.fromCodePoint(word.codePointAt(0));
    const list = buckets.get(first) ?? [];
    list.push([word.slice(first.length), f]);
    buckets.set(first, list);
  }
  const keys = [...buckets.keys()].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
  const blobs = keys.map((k) => {
    const list = buckets.get(k).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const maxLen = Math.max(...list.map(([rest]) => 1 + [...rest].length));
    const body = `${maxLen}\t${list.map(([r]) => r).join('\n')}\t${list.map(([, f]) => f.toString(36)).join('\n')}`;
    return deflateRawSync(Buffer.from(body, 'utf8'), { level: 9 });
  });
  const userBlob = deflateRawSync(Buffer.from(user.join('\n'), 'utf8'), { level: 9 });
  const head = Buffer.alloc(HEAD + keys.length * 12);
  head.write('CSWD', 0, 'latin1');
  head.writeUInt32LE(VERSION, 4);
  head.writeUInt32LE(total, 8);
  head.writeUInt32LE(keys.length, 12);
  let offset = head.length;
  keys.forEach((k, i) => {
    head.writeUInt32LE(k.codePointAt(0), HEAD + i * 12);
    head.writeUInt32LE(offset, HEAD + 4 + i * 12);
    head.writeUInt32LE(blobs[i].length, HEAD + 8 + i * 12);
    offset += blobs[i].length;
  });
  head.writeUInt32LE(offset, 16);
  head.writeUInt32LE(userBlob.length, 20);
  mkdirSync(dirname(OUT), { recursive: true });
  const tmp = `${OUT}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([head, ...blobs, userBlob]));
  renameSync(tmp, OUT);
  return OUT;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = Date.now();
  const out = buildDict({ force: process.argv.includes('--force') });
  if (process.argv.includes('--verbose')) console.log(`${out}: ${statSync(out).size} bytes, ${Date.now() - t} ms`);
}
