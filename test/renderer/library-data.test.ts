import { describe, expect, it } from 'vitest';
import type { Sample } from '../../main/core/library.js';
import type { SearchResult } from '../../main/core/library-search.js';
import { monthSeries, niceAxis, topBars } from '../../renderer/src/data/library-charts.js';
import { ResultPages } from '../../renderer/src/data/library-pages.js';
import { GridSelection, moveFocus } from '../../renderer/src/data/library-selection.js';

/*
 * The library screen's pure helpers: paging of results as the grid scrolls, selection, chart
 * data. (The screen itself is tested in Chromium: test/e2e/library.test.ts.)
 */

const sample = (i: number) => ({ id: `id-${i}`, title: `样本 ${i}` }) as unknown as Sample;
/** A fake librarySearch over `total` samples that records the pages asked for and answers when told. */
function fakeSearch(total: number) {
  const asked: number[] = [];
  const pending: (() => void)[] = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<SearchResult>((ok) => {
      asked.push(offset);
      pending.push(() =>
        ok({
          total,
          hits: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => ({
            sample: sample(offset + k),
            highlights: {},
          })),
        }),
      );
    });
  const answer = async () => {
    for (const p of pending.splice(0)) p();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetch, asked, answer };
}

describe('ResultPages', () => {
  it('fetches only the pages the grid shows, at most two at once, never all 10,000', async () => {
    const f = fakeSearch(10_000);
    let changes = 0;
    const pages = new ResultPages(f.fetch, () => changes++, 100);
    pages.want(0, 0);
    expect(f.asked).toEqual([0]);
    await f.answer();
    expect(pages.total).toBe(10_000);
    expect(pages.get(42)?.sample.id).toBe('id-42');
    expect(pages.get(100)).toBeUndefined();
    pages.want(250, 580); // pages 2–5: two now, the rest when those arrive
    expect(f.asked).toEqual([0, 200, 300]);
    pages.want(9_900, 9_999); // the user jumped to the end: pages 4 and 5 are no longer wanted
    await f.answer();
    expect(f.asked).toEqual([0, 200, 300, 9_900]);
    await f.answer();
    expect(pages.get(9_999)?.sample.id).toBe('id-9999');
    expect(pages.loadedPages).toBe(4);
    expect(changes).toBe(4);
  });

  it('scrolling up asks for the lower page first; ids of a loaded range; late answers of a disposed query are ignored', async () => {
    const f = fakeSearch(1000);
    const pages = new ResultPages(f.fetch, () => undefined, 100, 1);
    pages.want(0, 0);
    await f.answer();
    pages.want(500, 799, true);
    expect(f.asked.at(-1)).toBe(700);
    await f.answer();
    expect(pages.idsBetween(700, 702)).toEqual(['id-700', 'id-701', 'id-702']);
    expect(pages.idsBetween(0, 150)).toBeNull();
    expect(pages.indexOf('id-701')).toBe(701);
    pages.dispose();
    const before = pages.loadedPages;
    await f.answer();
    expect(pages.loadedPages).toBe(before);
  });

  it('shows a failure and asks again later', async () => {
    let fail = true;
    let changes = 0;
    const pages = new ResultPages(
      async () => {
        if (fail) throw new Error('无法连接工作室服务');
        return { total: 1, hits: [{ sample: sample(0), highlights: {} }] };
      },
      () => changes++,
      10,
    );
    pages.want(0, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(pages.error).toBe('无法连接工作室服务');
    fail = false;
    pages.want(0, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(pages.error).toBe('');
    expect(pages.get(0)?.sample.id).toBe('id-0');
  });
});

describe('GridSelection', () => {
  it('click, Ctrl-click, Shift-click ranges, select all, clear', () => {
    const s = new GridSelection();
    s.only(3, 'c');
    expect([...s.ids]).toEqual(['c']);
    s.toggle(5, 'e');
    expect(s.size).toBe(2);
    expect(s.anchor).toBe(5);
    s.range(['e', 'f', 'g']);
    expect([...s.ids]).toEqual(['e', 'f', 'g']);
    s.range(['a'], true);
    expect(s.size).toBe(4);
    s.toggle(0, 'a');
    expect(s.has('a')).toBe(false);
    s.drop(['e']);
    expect([...s.ids]).toEqual(['f', 'g']);
    s.all(['x', 'y']);
    expect(s.size).toBe(2);
    s.clear();
    expect(s.size).toBe(0);
    expect(s.anchor).toBeNull();
  });

  it('keyboard moves in a grid of columns, clamped to the results', () => {
    expect(moveFocus('ArrowRight', 5, 6, 100, 3)).toBe(6);
    expect(moveFocus('ArrowDown', 5, 6, 100, 3)).toBe(11);
    expect(moveFocus('ArrowUp', 2, 6, 100, 3)).toBe(0);
    expect(moveFocus('PageDown', 0, 6, 100, 3)).toBe(18);
    expect(moveFocus('End', 0, 6, 100, 3)).toBe(99);
    expect(moveFocus('ArrowDown', 98, 6, 100, 3)).toBe(99);
    expect(moveFocus('a', 0, 6, 100, 3)).toBeNull();
    expect(moveFocus('Home', 0, 6, 0, 3)).toBeNull();
  });
});

describe('chart data', () => {
  it('months with gaps filled, the last 24 at most', () => {
    expect(monthSeries({ '2025-11': 2, '2026-02': 5, bad: 9 }).map((b) => [b.label, b.value])).toEqual([
      ['2025-11', 2],
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 5],
    ]);
    const long = monthSeries({ '2020-01': 1, '2025-12': 1 });
    expect(long).toHaveLength(24);
    expect(long[0]!.key).toBe('2024-01');
    expect(monthSeries({})).toEqual([]);
  });

  it('top bars with labels, the rest summed as 其他', () => {
    const bars = topBars({ a: 5, b: 9, c: 1, d: 2 }, { b: '乙' }, 2);
    expect(bars.map((b) => [b.label, b.value])).toEqual([
      ['乙', 9],
      ['a', 5],
      ['其他（2 项）', 3],
    ]);
  });

  it('a round axis', () => {
    expect(niceAxis(37)).toMatchObject({ top: 40, step: 10, values: [0, 10, 20, 30, 40] });
    expect(niceAxis(3).values).toEqual([0, 1, 2, 3]);
    expect(niceAxis(167)).toMatchObject({ top: 200, step: 50 });
    expect(niceAxis(0)).toMatchObject({ top: 1 });
  });
});
