// Library benchmark (issue 4): search p95 over 10,000 samples, bulk import of 400 ~3 MP photos,
// bundle export and re-import of 400 samples. Uses the compiled build (npm run build first).
// Usage: node bench/library.mjs [--samples N] [--photos N]
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const { values } = parseArgs({
  options: { samples: { type: 'string', default: '10000' }, photos: { type: 'string', default: '400' } },
});
const N = Number(values.samples);
const PHOTOS = Number(values.photos);
const dist = new URL('../dist/main/library/', import.meta.url);
const { Library } = await import(new URL('library.js', dist));
const { search } = await import(new URL('search.js', dist));
const { importFolder } = await import(new URL('import-files.js', dist));
const { exportBundle } = await import(new URL('bundle-export.js', dist));
const { importBundle } = await import(new URL('bundle-import.js', dist));

const root = join(tmpdir(), `library-bench-${process.pid}`);
mkdirSync(root, { recursive: true });
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const p95 = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const slogans = JSON.parse(readFileSync(new URL('../templates/slogans/slogans.json', import.meta.url), 'utf8'));
const units = [
  '城关派出所',
  '东关派出所',
  '西城派出所',
  '反诈中心',
  '南湖派出所',
  '北山派出所',
  '河口派出所',
  '新区派出所',
];
const places = ['菜市场', '鱼市', '水果批发市场', '农贸市场', '步行街', '社区广场'];
const kinds = ['banner', 'poster', 'rollup', 'sticker', 'wechat'];
const fraud = [
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

try {
  // 1. Search over N samples
  const lib = await Library.open(join(root, 'search'));
  const thumb = await lib.blobs.put(Buffer.from('thumbnail'));
  let t = process.hrtime.bigint();
  lib.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const s = slogans[i % slogans.length];
      const place = places[i % places.length];
      lib.insert(
        {
          title: `${place}${kinds[i % 5] === 'banner' ? '横幅' : '海报'} ${i}`,
          kind: kinds[i % 5],
          format: '',
          publishedAt: `20${20 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
          unit: units[i % units.length],
          location: `${place}${i % 37}号摊`,
          channel: '集市横幅',
          fraudTypes: [fraud[i % 11]],
          tags: ['春季', place],
          slogan: s.text,
          notes: i % 7 ? '' : '刷单返利专题活动',
        },
        [{ role: 'thumbnail', sha256: thumb.sha256, size: thumb.size, mime: 'image/jpeg', name: 't.jpg' }],
        crypto.randomUUID(),
      );
    }
  })();
  const fill = ms(t);
  const run = (queries, opts = {}) => {
    const times = [];
    for (let r = 0; r < 5; r++)
      for (const q of queries) {
        t = process.hrtime.bigint();
        search(lib, { text: q, limit: 50, ...opts });
        times.push(ms(t));
      }
    return p95(times);
  };
  const long = ['多宝鱼', '刷单返利', '城关派出所', '莫给骗子', '菜市场', '网中鱼', '听说转账', '水果批发'];
  const short = ['鱼', '刷单', '菜', '骗子', '鸡', '韭菜', '派出', '局'];
  const r1 = {
    long: run(long),
    short: run(short),
    longFacets: run(long, { facets: true }),
    shortFacets: run(short, { facets: true }),
  };
  lib.close();
  console.log(
    `search over ${N} samples (filled in ${(fill / 1000).toFixed(1)} s): p95 ≥3 chars ${r1.long.toFixed(1)} ms, 1–2 chars ${r1.short.toFixed(1)} ms; with facets ${r1.longFacets.toFixed(1)} / ${r1.shortFacets.toFixed(1)} ms`,
  );

  // 2. Bulk import of photos (~3 MP JPEG, 2048×1536, each different)
  const photos = join(root, 'photos');
  mkdirSync(photos);
  const noise = await sharp({
    create: { width: 2048, height: 1536, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < PHOTOS; i++) {
    noise.fill(i % 256, i * 7000, i * 7000 + 6000);
    await sharp(noise, { raw: { width: 2048, height: 1536, channels: 3 } })
      .jpeg({ quality: 85 })
      .toFile(join(photos, `photo-${i}.jpg`));
  }
  const lib2 = await Library.open(join(root, 'photos-lib'));
  t = process.hrtime.bigint();
  const r2 = await importFolder(lib2, photos, { unit: '城关派出所' });
  const importS = ms(t) / 1000;
  console.log(`bulk import of ${r2.imported} photos (2048×1536 JPEG) with thumbnails: ${importS.toFixed(1)} s`);

  // 3. Bundle round trip
  const all = lib2.db
    .prepare('SELECT id FROM samples')
    .pluck()
    .all()
    .map((id) => lib2.get(id));
  const zip = join(root, 'bundle.zip');
  t = process.hrtime.bigint();
  const ex = await exportBundle(lib2, all, zip);
  const exportS = ms(t) / 1000;
  const lib3 = await Library.open(join(root, 'other'));
  t = process.hrtime.bigint();
  const im = await importBundle(lib3, zip);
  const importBundleS = ms(t) / 1000;
  console.log(
    `bundle of ${ex.samples} samples (${(ex.bytes / 1024 ** 2).toFixed(0)} MB): export ${exportS.toFixed(1)} s, import ${importBundleS.toFixed(1)} s (${im.added.length} added)`,
  );
  lib2.close();
  lib3.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
