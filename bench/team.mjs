// Team library benchmark (issue #17): search p95 over 240,000 synthetic samples (120 stations ×
// 400 a year × 5 years) for 1-, 2- and 3+-character words, in the store and through the HTTPS
// server; then 20 clients submitting while 50 search. A private PostgreSQL cluster is started and
// removed (test/team/pg-cluster.mjs; as root it runs as the postgres user). Uses the compiled
// build (npm run build first).
// Usage: node bench/team.mjs [--samples N] [--duration SECONDS] [--rounds N]
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from '../test/team/pg-cluster.mjs';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '240000' },
    duration: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '10' },
    // Leave the cluster running and print its address (to look at query plans afterwards).
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.samples);
const DURATION = Number(values.duration) * 1000;
const ROUNDS = Number(values.rounds);
const dist = (p) => new URL(`../dist/main/team/${p}`, import.meta.url);
const { openPool, openTeamDb } = await import(dist('db.js'));
const { search } = await import(dist('search.js'));
const { hashPassword } = await import(dist('passwords.js'));
const { TeamClient } = await import(dist('client.js'));

const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));

// Vocabulary: 120 station areas of a city, its markets, the slogan library.
const PLACES = [
  '城关',
  '东关',
  '西城',
  '南湖',
  '北山',
  '河口',
  '新区',
  '梅列',
  '三元',
  '沙县',
  '永安',
  '明溪',
  '清流',
  '宁化',
  '大田',
  '尤溪',
  '将乐',
  '泰宁',
  '建宁',
  '列东',
  '列西',
  '徐碧',
  '白沙',
  '富兴',
  '岩前',
  '中村',
  '莘口',
  '洋溪',
  '荆西',
  '陈大',
];
const UNITS = PLACES.flatMap((p) => ['', '东', '西', '南'].map((s) => `${p}${s}派出所`));
const MARKETS = ['农贸市场', '鱼市', '菜市场', '水果批发市场', '禽类市场', '步行街', '社区广场', '超市'];
const KINDS = ['banner', 'poster', 'rollup', 'sticker', 'wechat'];
const KIND_NAMES = { banner: '横幅', poster: '海报', rollup: '易拉宝', sticker: '贴纸', wechat: '微信图' };
const SEASONS = ['冬季', '春季', '夏季', '秋季'];
const slogans = JSON.parse(readFileSync(new URL('../templates/slogans/slogans.json', import.meta.url), 'utf8'));
let seed = 20_240_501;
/** 0 ≤ n < k from a fixed-seed generator (mulberry32: the same library every run). */
function rnd(k) {
  let t = (seed = (seed + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * k);
}
const STATUS = (i) => (i % 100 < 88 ? 'approved' : i % 100 < 93 ? 'submitted' : i % 100 < 97 ? 'draft' : 'rejected');

/** Queries users type: single characters, two-character words, and longer words and names. */
const QUERIES = {
  '1 character': ['鱼', '菜', '鸡', '骗', '果', '码', '局', '肉'],
  '2 characters': ['鱼市', '韭菜', '挂机', '转账', '刷单', '春季', '海报', '城关'],
  '3+ characters': ['网中鱼', '油麦菜', '大公鸡', '刷单返利', '城关派出所', '水果批发', '莫给骗子', '听说转账'],
};

const root = join(tmpdir(), `team-bench-${process.pid}`);
mkdirSync(root, { recursive: true });
// A modest server's memory settings (docs/team.md): the tables and indexes fit in shared buffers.
const cluster = await startCluster({ shared_buffers: '1GB', effective_cache_size: '4GB', work_mem: '16MB' });
let serverProcess;
const out = {};
try {
  // 1. Fill: units, one editor per station (+ reviewers), N samples with a thumbnail row each.
  const createdb = openPool(cluster.url(), { max: 1 });
  await createdb.query('CREATE DATABASE team_bench');
  await createdb.end();
  const url = cluster.url('team_bench');
  const pool = await openTeamDb(url, { max: 12 });
  const hash = await hashPassword('bench-password');
  await pool.query(`INSERT INTO units (name) SELECT unnest($1::text[]) UNION ALL SELECT '市反诈中心'`, [UNITS]);
  await pool.query(
    `INSERT INTO users (name, unit_id, role, password_hash)
       SELECT 'ed' || u.id, u.id, 'editor', $1 FROM units u WHERE u.name <> '市反诈中心'
       UNION ALL SELECT 'rev' || g, (SELECT id FROM units WHERE name = '市反诈中心'), 'reviewer', $1 FROM generate_series(1, 4) g`,
    [hash],
  );
  const thumb = '0'.repeat(64);
  await pool.query("INSERT INTO blobs (sha256, size, mime) VALUES ($1, 1000, 'image/jpeg')", [thumb]);
  const unitIds = new Map((await pool.query('SELECT id, name FROM units')).rows.map((r) => [r.name, r.id]));
  const authorOf = new Map(
    (await pool.query("SELECT unit_id, id FROM users WHERE role = 'editor'")).rows.map((r) => [r.unit_id, r.id]),
  );
  let t = process.hrtime.bigint();
  // Bulk load without the two text indexes, built once afterwards (as a restore does).
  await pool.query('DROP INDEX samples_text, samples_short');
  const BATCH = 10_000;
  for (let start = 0; start < N; start += BATCH) {
    const cols = Array.from({ length: 15 }, () => []);
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      // A seeded generator, so no field follows another (a real library has no such pattern).
      const unit = UNITS[i % UNITS.length];
      const s = slogans[rnd(slogans.length)];
      const market = MARKETS[rnd(MARKETS.length)];
      const kind = KINDS[rnd(KINDS.length)];
      // Published over five years in the order they are added, as a real library grows.
      const date = new Date(Date.UTC(2020, 0, 1) + Math.floor((i / N) * 5 * 365.25) * 86_400_000);
      const month = date.getUTCMonth() + 1;
      const row = [
        randomUUID(),
        `${unit.replace('派出所', '')}${market}${KIND_NAMES[kind]}（${s.text.split('、')[0]}）`,
        kind,
        date.toISOString().slice(0, 10),
        unit,
        `${unit.slice(0, 2)}${market}${rnd(40)}号摊`,
        `{${s.fraudTypes.join(',')}}`,
        `{${SEASONS[Math.floor((month % 12) / 3)]},${market}}`,
        s.text,
        rnd(9) ? '' : '集市反诈宣传活动，发放宣传单并现场讲解',
        STATUS(rnd(100)),
        unitIds.get(unit),
        authorOf.get(unitIds.get(unit)),
        randomBytes(32).toString('hex'),
        rnd(11) ? '集市横幅' : '网格微信群',
      ];
      row.forEach((v, k) => cols[k].push(v));
    }
    await pool.query(
      `WITH ins AS (
         INSERT INTO samples (id, title, kind, published_at, unit, location, fraud_types, tags, slogan, notes, status,
                              owner_unit_id, author_id, content_sha, channel, submitted_at, reviewed_at)
         SELECT u.id::uuid, u.title, u.kind, u.d::date, u.unit, u.loc, u.ft::text[], u.tags::text[], u.slogan, u.notes,
                u.status, u.owner, u.author, u.sha, u.channel, CASE WHEN u.status <> 'draft' THEN u.d::date END, CASE WHEN u.status IN ('approved','rejected') THEN u.d::date END
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::text[], $15::text[])
             AS u(id, title, kind, d, unit, loc, ft, tags, slogan, notes, status, owner, author, sha, channel)
         RETURNING n)
       INSERT INTO files (sample_n, role, sha256, size, mime, name) SELECT n, 'thumbnail', $16, 1000, 'image/jpeg', 'thumbnail.jpg' FROM ins`,
      [...cols, thumb],
    );
  }
  const fillS = ms(t) / 1000;
  t = process.hrtime.bigint();
  await pool.query('CREATE INDEX samples_text ON samples USING gin (search_text gin_trgm_ops)');
  await pool.query('CREATE INDEX samples_short ON samples USING gin (search_grams)');
  await pool.query('VACUUM ANALYZE');
  const indexS = ms(t) / 1000;
  const size = (
    await pool.query(
      "SELECT pg_size_pretty(pg_database_size('team_bench')) AS s, pg_size_pretty(pg_relation_size('samples_text')) AS i, pg_size_pretty(pg_relation_size('samples_short')) AS g",
    )
  ).rows[0];
  out.fill = `${N} samples inserted in ${fillS.toFixed(1)} s, text indexes built in ${indexS.toFixed(1)} s; database ${size.s} (trigram index ${size.i}, 1–2 character index ${size.g})`;
  console.log(out.fill);

  // 2. Search p95 in the store (the SQL the server runs), as a station editor.
  const who = {
    userId: authorOf.get(unitIds.get(UNITS[0])),
    name: 'ed',
    unit: UNITS[0],
    unitId: unitIds.get(UNITS[0]),
    role: 'editor',
    ip: '',
  };
  /** Each query ROUNDS times; p50/p95 over all, and per query its median and match count ("1000+" when capped). */
  const perQuery = new Map();
  const runStore = async (qs, extra = {}) => {
    const times = [];
    let capped = 0;
    for (let r = 0; r < ROUNDS; r++)
      for (const q of qs) {
        const t0 = process.hrtime.bigint();
        const res = await search(pool, who, { text: q, limit: 50, ...extra });
        const took = ms(t0);
        times.push(took);
        if (res.totalCapped) capped++;
        if (!extra.facets) {
          const e = perQuery.get(q) ?? { times: [], total: '' };
          e.times.push(took);
          e.total = res.totalCapped ? `${res.total}+` : String(res.total);
          perQuery.set(q, e);
        }
      }
    return { p50: pct(times, 0.5), p95: pct(times, 0.95), capped: `${Math.round(capped / ROUNDS)} of ${qs.length}` };
  };
  const rows = [];
  for (const [label, qs] of Object.entries(QUERIES)) {
    await runStore(qs); // warm
    const store = await runStore(qs);
    const facets = await runStore(qs, { facets: true });
    rows.push({ label, store, facets });
  }

  // 3. The same queries through the HTTPS server (its own process), one client.
  const data = join(root, 'data');
  serverProcess = spawn(
    process.execPath,
    [
      new URL('../bin/campaign-studio.js', import.meta.url).pathname,
      'team-server',
      '--db',
      url,
      '--listen',
      '127.0.0.1:0',
      '--data',
      data,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const started = await new Promise((resolve, reject) => {
    let text = '';
    serverProcess.on('exit', (c) => reject(new Error(`team-server exited ${c}`)));
    serverProcess.stdout.setEncoding('utf8').on('data', (d) => {
      text += d;
      const u = /团队服务器已启动：(\S+)/.exec(text)?.[1];
      const fp = /证书指纹（SHA-256）：([0-9A-F:]+)/.exec(text)?.[1];
      if (u && fp) resolve({ url: u, fp });
    });
  });
  const connect = async (user) => {
    const c = new TeamClient(started.url, started.fp);
    await c.login(user, 'bench-password');
    return c;
  };
  const one = await connect(`ed${unitIds.get(UNITS[0])}`);
  for (const row of rows) {
    const qs = QUERIES[row.label];
    const times = [];
    for (let r = 0; r < ROUNDS + 1; r++)
      for (const q of qs) {
        const t0 = process.hrtime.bigint();
        await one.call('search', { text: q, limit: 50 });
        if (r > 0) times.push(ms(t0));
      }
    row.https = { p50: pct(times, 0.5), p95: pct(times, 0.95) };
  }
  console.log(`\nsearch over ${N} samples, as a station editor, limit 50 (${ROUNDS} rounds × 8 queries each):`);
  console.log('| words | queries over 1000 matches | store p50 / p95 | with facets p95 | through HTTPS p50 / p95 |');
  console.log('|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.store.capped} | ${fmt(r.store.p50)} / ${fmt(r.store.p95)} ms | ${fmt(r.facets.p95)} ms | ${fmt(r.https.p50)} / ${fmt(r.https.p95)} ms |`,
    );

  console.log(
    `per query (store, median ms · matches): ${[...perQuery].map(([q, e]) => `${q} ${fmt(pct(e.times, 0.5))}·${e.total}`).join('  ')}`,
  );

  // 4. 20 clients submitting while 50 search, for DURATION.
  const editors = (await pool.query("SELECT name FROM users WHERE role = 'editor' ORDER BY id LIMIT 70")).rows.map(
    (r) => r.name,
  );
  const clients = [];
  for (const name of editors) clients.push(await connect(name));
  const submitters = clients.slice(0, 20);
  const searchers = clients.slice(20, 70);
  const sub = [];
  const srch = [];
  let errors = 0;
  const firstErrors = [];
  const end = Date.now() + DURATION;
  const allQueries = Object.values(QUERIES).flat();
  const png = (k) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(20_000 + (k % 5000))]);
  const failed = (e) => {
    errors++;
    if (firstErrors.length < 5) firstErrors.push(e.message);
  };
  let k = 0;
  await Promise.all([
    ...submitters.map(async (c, ci) => {
      while (Date.now() < end) {
        const t0 = process.hrtime.bigint();
        try {
          const sha = await c.uploadBlob(png(k++));
          await c.call('createSample', {
            meta: {
              title: `并发提交 ${ci}-${k}`,
              publishedAt: '2025-06-01',
              kind: 'wechat',
              slogan: slogans[k % slogans.length].text,
            },
            files: [{ role: 'original', sha256: sha, name: 'x.png' }],
            submit: true,
          });
          sub.push(ms(t0));
        } catch (e) {
          failed(e);
        }
      }
    }),
    ...searchers.map(async (c, ci) => {
      let q = ci;
      while (Date.now() < end) {
        const t0 = process.hrtime.bigint();
        try {
          await c.call('search', { text: allQueries[q++ % allQueries.length], limit: 50 });
          srch.push(ms(t0));
        } catch (e) {
          failed(e);
        }
      }
    }),
  ]);
  const secs = DURATION / 1000;
  console.log(`\n20 clients submitting while 50 search, ${secs} s, all through HTTPS:`);
  console.log('| operation | count | per second | p50 | p95 | max |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| submit (upload 20–25 KB + create, submitted) | ${sub.length} | ${(sub.length / secs).toFixed(1)} | ${fmt(pct(sub, 0.5))} ms | ${fmt(pct(sub, 0.95))} ms | ${fmt(Math.max(...sub))} ms |`,
  );
  console.log(
    `| search (the 24 queries above, limit 50) | ${srch.length} | ${(srch.length / secs).toFixed(1)} | ${fmt(pct(srch, 0.5))} ms | ${fmt(pct(srch, 0.95))} ms | ${fmt(Math.max(...srch))} ms |`,
  );
  console.log(`errors: ${errors}${firstErrors.length ? ` (${firstErrors.join(' | ')})` : ''}`);
  const total = (await pool.query('SELECT count(*)::int AS n FROM samples')).rows[0].n;
  console.log(`samples after the run: ${total} (${N} + ${sub.length} submitted)`);
  for (const c of clients) c.close();
  one.close();
  await pool.end();
} finally {
  serverProcess?.kill('SIGTERM');
  if (values.keep) console.log(`cluster kept: ${cluster.url('team_bench')} (data in ${cluster.dir})`);
  else cluster.stop();
  rmSync(root, { recursive: true, force: true });
}
