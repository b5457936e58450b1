import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../main/library/library.js';
import { highlight, search } from '../../main/library/search.js';
import { stats } from '../../main/library/stats.js';
import { freshDir } from './fixtures.js';

let lib: Library;
const thumb = (s: string) => [{ role: 'thumbnail' as const, data: Buffer.from(s), mime: 'image/jpeg', name: 't.jpg' }];
beforeAll(async () => {
  lib = await Library.open(freshDir('search'));
  await lib.add(
    {
      title: '鱼市横幅',
      kind: 'banner',
      publishedAt: '2025-04-02',
      unit: '城关派出所',
      channel: '集市横幅',
      fraudTypes: ['rebate'],
      tags: ['春季', '鱼市'],
      slogan: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
    },
    thumb('1'),
  );
  await lib.add(
    {
      title: '韭菜海报',
      kind: 'poster',
      publishedAt: '2025-05-10',
      unit: '城关派出所',
      channel: '网格微信群',
      fraudTypes: ['rebate', 'loan'],
      tags: ['蔬菜'],
      slogan: '白菜青菜油麦菜、莫给骗子当韭菜',
    },
    thumb('2'),
  );
  await lib.add(
    {
      title: '挂机提醒',
      kind: 'wechat',
      publishedAt: '2024-12-01',
      unit: '东关派出所',
      fraudTypes: ['fake-officials'],
      slogan: '乌鸡土鸡大公鸡、听说转账就挂机',
      notes: '刷单返利专题',
    },
    thumb('3'),
  );
  const gone = await lib.add({ title: '旧鱼海报', kind: 'poster', publishedAt: '2023-01-01' }, thumb('4'));
  lib.trash(gone.id);
});
afterAll(() => lib.close());
const titles = (q: Parameters<typeof search>[1]) => search(lib, q).hits.map((h) => h.sample.title);

describe('search', () => {
  it('finds one-character queries exactly (鱼) — trigram cannot, so instr does', () => {
    expect(titles({ text: '鱼', sort: 'date' })).toEqual(['鱼市横幅']);
  });
  it('finds two-character queries (刷单 in the notes, 韭菜 in title and slogan)', () => {
    expect(titles({ text: '刷单' })).toEqual(['挂机提醒']);
    expect(titles({ text: '韭菜' })).toEqual(['韭菜海报']);
  });
  it('uses the trigram index for three or more characters, over slogan, tags, unit', () => {
    expect(titles({ text: '多宝鱼' })).toEqual(['鱼市横幅']);
    expect(titles({ text: '城关派出所', sort: 'date' })).toEqual(['韭菜海报', '鱼市横幅']);
    expect(titles({ text: '听说转账' })).toEqual(['挂机提醒']);
    expect(titles({ text: '没有这个词' })).toEqual([]);
  });
  it('combines words (AND) and highlights every match', () => {
    const r = search(lib, { text: '鱼 城关派出所' });
    expect(r.total).toBe(1);
    expect(r.hits[0]!.highlights.slogan).toBe(
      '鲫<mark>鱼</mark>草<mark>鱼</mark>多宝<mark>鱼</mark>、不做骗子的网中<mark>鱼</mark>',
    );
    expect(r.hits[0]!.highlights.unit).toBe('<mark>城关派出所</mark>');
    expect(highlight('<b>鱼</b>', ['鱼'])).toBe('&lt;b&gt;<mark>鱼</mark>&lt;/b&gt;');
  });
  it('filters by kind, fraud type, unit, channel, tags and date, with facet counts', () => {
    expect(titles({ fraudType: ['rebate'], sort: 'title' }).sort()).toEqual(['韭菜海报', '鱼市横幅'].sort());
    expect(titles({ kind: ['poster'] })).toEqual(['韭菜海报']);
    expect(titles({ tags: ['春季'] })).toEqual(['鱼市横幅']);
    expect(titles({ from: '2025-01', to: '2025-04' })).toEqual(['鱼市横幅']);
    expect(titles({ trashed: true })).toEqual(['旧鱼海报']);
    const f = search(lib, { unit: ['城关派出所'], facets: true }).facets!;
    expect(f.kind).toEqual({ banner: 1, poster: 1 });
    expect(f.fraudType).toEqual({ rebate: 2, loan: 1 });
    expect(f.unit).toEqual({ 城关派出所: 2, 东关派出所: 1 }); // its own filter is left out
  });
  it('sorts and pages', () => {
    expect(titles({ sort: 'date', limit: 2 })).toEqual(['韭菜海报', '鱼市横幅']);
    expect(titles({ sort: 'date', limit: 2, offset: 2 })).toEqual(['挂机提醒']);
    expect(search(lib, { limit: 1 }).total).toBe(3);
  });
  it('follows edits in the full-text index', () => {
    const id = search(lib, { text: '挂机提醒' }).hits[0]!.sample.id;
    lib.update(id, { title: '挂机歌谣' });
    expect(titles({ text: '挂机歌谣' })).toEqual(['挂机歌谣']);
    expect(titles({ text: '挂机提醒' })).toEqual([]);
    lib.update(id, { title: '挂机提醒' });
  });
});

describe('stats', () => {
  it('counts live samples by month, kind, fraud type and unit', () => {
    const s = stats(lib);
    expect(s).toMatchObject({ total: 3, trashed: 1 });
    expect(s.byMonth).toEqual({ '2024-12': 1, '2025-04': 1, '2025-05': 1 });
    expect(s.byKind).toEqual({ banner: 1, poster: 1, wechat: 1 });
    expect(s.byFraudType).toEqual({ rebate: 2, loan: 1, 'fake-officials': 1 });
    expect(s.byUnit).toEqual({ 城关派出所: 2, 东关派出所: 1 });
  });
});
