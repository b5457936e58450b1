import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { SampleKind } from '../../main/core/library.js';
import type { FraudType } from '../../main/core/slogan/vocabulary.js';
import { Library } from '../../main/library/library.js';

/*
 * A big library, fast (like bench/library.mjs): a dozen tiny thumbnails stored once, then N sample
 * rows inserted in one transaction through the Library API (its insert, so the FTS triggers and
 * every constraint apply). 10,000 samples take about two seconds.
 */

const ROOT = resolve(import.meta.dirname, '../..');
export const SEED_UNITS = [
  '城关派出所',
  '东关派出所',
  '西城派出所',
  '反诈中心',
  '南湖派出所',
  '北山派出所',
  '河口派出所',
  '新区派出所',
];
const PLACES = ['菜市场', '鱼市', '水果批发市场', '农贸市场', '步行街', '社区广场'];
const KINDS: SampleKind[] = ['banner', 'poster', 'rollup', 'sticker', 'wechat'];
const KIND_WORD: Record<string, string> = {
  banner: '横幅',
  poster: '海报',
  rollup: '易拉宝',
  sticker: '贴纸',
  wechat: '微信图',
};
const FRAUD: FraudType[] = [
  'rebate',
  'investment',
  'shopping',
  'fake-service',
  'loan',
  'credit',
  'fake-acquaintance',
  'fake-officials',
  'romance',
  'gaming',
  'general',
];
const COLOURS = [
  '#c8102e',
  '#0b3d91',
  '#1b7f3b',
  '#b35c00',
  '#6a1b9a',
  '#00838f',
  '#ad1457',
  '#455a64',
  '#f9a825',
  '#2e7d32',
  '#283593',
  '#d84315',
];

/** What sample i of a seeded library looks like (tests predict counts from it). */
let slogans: { text: string }[] | undefined;
export function seedMeta(i: number) {
  slogans ??= JSON.parse(readFileSync(resolve(ROOT, 'templates/slogans/slogans.json'), 'utf8')) as { text: string }[];
  // Dates repeat every 60 samples; kinds and colours shift with each round so neighbours differ.
  const kind = KINDS[(i + Math.floor(i / 60)) % KINDS.length]!;
  const place = PLACES[i % PLACES.length]!;
  return {
    title: `${place}${KIND_WORD[kind]} ${i + 1}`,
    kind,
    format: '',
    publishedAt: `20${21 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    unit: SEED_UNITS[i % SEED_UNITS.length]!,
    location: `${place}${i % 37}号摊`,
    channel: i % 3 ? '集市横幅' : '网格微信群',
    fraudTypes: [FRAUD[i % FRAUD.length]!],
    tags: ['春季', place],
    slogan: slogans[i % slogans.length]!.text,
    notes: i % 7 ? '' : '刷单返利专题活动',
  };
}

/** Tiny JPEG thumbnails, one per colour, a band across each so they look like material. */
async function thumbnails(): Promise<Buffer[]> {
  return Promise.all(
    COLOURS.map((c, i) =>
      sharp({ create: { width: 160, height: i % 3 === 0 ? 40 : 120, channels: 3, background: c } })
        .composite([
          {
            input: { create: { width: 120, height: 12, channels: 3, background: '#ffffff' } },
            top: i % 3 === 0 ? 14 : 54,
            left: 20,
          },
        ])
        .jpeg({ quality: 70 })
        .toBuffer(),
    ),
  );
}

/** Fill (or add to) the library in `dir` with `n` samples; returns their ids in insertion order. */
export async function seedLibrary(dir: string, n: number, offset = 0): Promise<string[]> {
  const lib = await Library.open(dir);
  try {
    const thumbs: { sha256: string; size: number }[] = [];
    for (const data of await thumbnails()) thumbs.push(await lib.blobs.put(data));
    const ids: string[] = [];
    lib.db.transaction(() => {
      for (let i = offset; i < offset + n; i++) {
        const id = randomUUID();
        const t = thumbs[(i * 5 + Math.floor(i / 60)) % thumbs.length]!;
        lib.insert(
          seedMeta(i),
          [{ role: 'thumbnail', sha256: t.sha256, size: t.size, mime: 'image/jpeg', name: 'thumbnail.jpg' }],
          id,
        );
        ids.push(id);
      }
    })();
    return ids;
  } finally {
    lib.close();
  }
}
