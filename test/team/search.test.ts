import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamClient } from '../../main/team/client.js';
import { COUNT_CAP } from '../../main/team/search.js';

/** Rows made by SQL: more than COUNT_CAP in all, fewer in each third. */
const ROWS = 2400;
import { newSample, team, type Team } from './helpers.js';

let t: Team;
let li: TeamClient;
let zhang: TeamClient;
/** Rows made by SQL, approved, from three stations over two years; then a few made through the API. */
beforeAll(async () => {
  t = await team('search');
  await t.pool.query(`
    INSERT INTO units (name) VALUES ('西城派出所');
    INSERT INTO samples (id, title, kind, published_at, unit, location, fraud_types, tags, slogan, notes, status,
                         owner_unit_id, author_id, content_sha)
    SELECT gen_random_uuid(),
           (ARRAY['鲫鱼草鱼多宝鱼横幅', '白菜青菜油麦菜海报', '乌鸡土鸡大公鸡贴纸'])[1 + i % 3] || ' 第' || i || '号',
           (ARRAY['banner', 'poster', 'sticker'])[1 + i % 3],
           date '2023-01-01' + (i % 700),
           (ARRAY['城关派出所', '东关派出所', '西城派出所'])[1 + i % 4 % 3],
           (ARRAY['鱼市', '菜市场', '禽类市场'])[1 + i % 3],
           ARRAY[(ARRAY['rebate', 'investment', 'romance', 'loan'])[1 + i % 4]],
           ARRAY['集市', (ARRAY['春季', '秋季'])[1 + i % 2]],
           (ARRAY['不做骗子的网中鱼', '莫给骗子当韭菜', '听说转账就挂机'])[1 + i % 3],
           CASE WHEN i % 1000 = 0 THEN '扫码QR下载' ELSE '' END,
           'approved', 1, 1, md5(i::text) || md5('x' || i)
      FROM generate_series(1, ${ROWS}) i;
    ANALYZE samples;`);
  zhang = await t.as('zhang');
  li = await t.as('li');
  const wang = await t.as('wang');
  for (const title of ['网中鱼特别版', '标题没有那个词']) {
    const s = await newSample(zhang, title, { submit: true, slogan: title === '网中鱼特别版' ? '' : '网中鱼在标语里' });
    await wang.call('approveSample', { id: s.id });
  }
  await newSample(zhang, '城关草稿网中鱼');
});
afterAll(async () => t?.close());

const titles = async (c: TeamClient, q: Parameters<TeamClient['call']>[1]) =>
  (await c.call('search', q as never)).hits.map((h) => h.sample.title);

describe('team search', () => {
  it('finds 1-, 2- and 3+-character words anywhere in the searched fields, ANDed, case-insensitive', async () => {
    const one = await li.call('search', { text: '鲫', limit: 5 });
    expect(one.totalCapped).toBe(false);
    expect(one.total).toBe(ROWS / 3);
    const two = await li.call('search', { text: '菜场', limit: 5 });
    expect(two.total).toBe(0);
    expect((await li.call('search', { text: '菜市', limit: 1 })).total).toBe(one.total);
    const three = await li.call('search', { text: '网中鱼', limit: 1 });
    // The SQL rows (i % 3 = 1), plus the two approved through the API; never the other station's draft.
    expect(three.total).toBe(one.total + 2);
    expect((await li.call('search', { text: '网中鱼 秋季 贷款', limit: 1 })).total).toBe(0);
    expect((await li.call('search', { text: '网中鱼 秋季', limit: 1 })).total).toBe(Math.round(one.total / 2));
    expect((await li.call('search', { text: 'qr下载' })).total).toBe(2);
    expect(await titles(li, { text: '城关草稿' })).toEqual([]);
    expect(await titles(zhang, { text: '城关草稿' })).toEqual(['城关草稿网中鱼']);
  });

  it('ranks title hits first, then the newest, and pages without repeats', async () => {
    const r = await li.call('search', { text: '网中鱼', limit: 3 });
    expect(r.hits[0]!.sample.title).toBe('网中鱼特别版');
    expect(r.hits[0]!.highlights.title).toEqual(['', '网中鱼', '特别版']);
    expect(r.hits[1]!.highlights.slogan).toEqual(['不做骗子的', '网中鱼', '']);
    const seen = new Set<string>();
    for (let offset = 0; offset < 600; offset += 200)
      for (const h of (await li.call('search', { text: '乌鸡', sort: 'date', limit: 200, offset })).hits)
        seen.add(h.sample.id);
    expect(seen.size).toBe(600);
    const byDate = (await li.call('search', { text: '乌鸡', sort: 'date', limit: 50 })).hits.map(
      (h) => h.sample.publishedAt,
    );
    expect(byDate).toEqual([...byDate].sort().reverse());
  });

  it('filters by kind, fraud type, unit, tags, status and dates; facets count under the other filters', async () => {
    const r = await li.call('search', {
      text: '集市',
      kind: ['banner'],
      fraudType: ['rebate'],
      facets: true,
      limit: 1,
    });
    // The kind facet counts under every filter but the kind: the other kinds show, to choose instead.
    expect(Object.keys(r.facets!.kind).sort()).toEqual(['banner', 'poster', 'sticker']);
    expect(r.facets!.kind.banner).toBe(r.total);
    expect(r.facets!.fraudType.rebate).toBe(r.total);
    expect(r.facets!.year).toMatchObject({ '2023': expect.any(Number), '2024': expect.any(Number) });
    expect(r.facets!.status).toEqual({ approved: r.total });
    const dated = await li.call('search', { from: '2024-02', to: '2024-02', limit: 1000 });
    expect(dated.hits.every((h) => h.sample.publishedAt.startsWith('2024-02'))).toBe(true);
    expect(dated.total).toBeGreaterThan(0);
    expect((await li.call('search', { tags: ['集市', '春季'], unit: ['西城派出所'], limit: 1 })).total).toBeGreaterThan(
      0,
    );
    expect((await zhang.call('search', { status: ['draft'], mine: true })).hits.map((h) => h.sample.title)).toEqual([
      '城关草稿网中鱼',
    ]);
  });

  it('counts exactly up to the cap, then says "more than"', async () => {
    const r = await li.call('search', { text: '集市', limit: 20 });
    expect(r).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // So many matches are not ranked: the newest come first (walking the date index).
    const newest = await t.pool.query<{ d: string }>(
      "SELECT published_at::text AS d FROM samples WHERE status = 'approved' ORDER BY published_at DESC, n DESC LIMIT 20",
    );
    expect(r.hits.map((h) => h.sample.publishedAt)).toEqual(newest.rows.map((x) => x.d));
  });

  it('reports statistics of what is published, by month, kind, fraud type and unit', async () => {
    const s = await li.call('stats', {});
    expect(s.total).toBe(ROWS + 2);
    expect(s.byStatus).toEqual({ approved: s.total });
    expect(Object.values(s.byMonth).reduce((a, b) => a + b, 0)).toBe(s.total);
    expect(Object.keys(s.byMonth)[0]).toBe('2023-01');
    expect(s.byKind).toMatchObject({ banner: expect.any(Number), wechat: 2 });
    expect(s.byUnit['西城派出所']).toBeGreaterThan(0);
    expect(Object.keys(s.byFraudType).sort()).toEqual(['investment', 'loan', 'rebate', 'romance']);
    // The author's station sees its draft among the statuses, not in the published figures.
    const mine = await zhang.call('stats', { unit: ['城关派出所'] });
    expect(mine.byStatus.draft).toBe(1);
    expect(mine.total).toBe(s.byUnit['城关派出所']);
  });
});
