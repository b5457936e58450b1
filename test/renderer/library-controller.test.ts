import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sample } from '../../main/core/library.js';
import { LibraryController } from '../../renderer/src/data/library-controller.js';
import { NO_FILTERS } from '../../renderer/src/data/library-filters.js';

/*
 * The 素材库 screen's state and requests (renderer/src/data/library-controller.ts) with the page's
 * HTTP calls answered here: which queries go out for search, filters and the filter panel, what
 * trash, undo and purge send and leave behind, and what the screen keeps while it is away.
 * (The screen itself is tested in Chromium: test/e2e/library.test.ts.)
 */

const sample = (id: string) => ({ id, title: `样本 ${id}` }) as unknown as Sample;

/** Every call the page sends, by method with its input; answered by `answers` (or an empty result). */
let sent: { method: string; input: Record<string, unknown> }[];
let answers: Record<string, (input: Record<string, unknown>) => unknown>;
const sentOf = (method: string) => sent.filter((s) => s.method === method).map((s) => s.input);

beforeEach(() => {
  sent = [];
  answers = {
    librarySearch: (q) => ({ total: q.trashed ? 2 : 5, hits: [], ...(q.facets ? { facets: { kind: [] } } : {}) }),
    libraryIds: () => ({ ids: ['a', 'b', 'c', 'd', 'e'] }),
    libraryTrash: (q) => ({ count: (q.ids as string[]).length }),
    libraryRestore: (q) => ({ count: (q.ids as string[]).length }),
    libraryPurge: (q) => ({ count: (q.ids as string[]).length }),
  };
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    const method = url.replace('/api/', '');
    const input = JSON.parse(init.body) as Record<string, unknown>;
    sent.push({ method, input });
    const answer = answers[method];
    const body = answer ? { ok: true, value: answer(input) } : { ok: false, error: { code: 'x', message: '没有' } };
    return new Response(JSON.stringify(body));
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The screen element as the controller sees it; `answer` is the user's to the purge question. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  answer = true;
  asked: string[] = [];
  readonly grid = null;
  readonly stats = null;
  readonly confirm = {
    ask: async (heading: string) => {
      this.asked.push(heading);
      return this.answer;
    },
  };
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  readonly updateComplete = Promise.resolve(true);
  connect() {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect() {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function shown() {
  const host = new Host();
  const lib = new LibraryController(host);
  host.connect();
  await settle();
  return { host, lib };
}

describe('LibraryController', () => {
  it('shows what is in the library when the screen opens: the first page and the trash count', async () => {
    const { lib } = await shown();
    expect(sentOf('librarySearch')).toEqual([
      {
        text: '',
        kind: [],
        fraudType: [],
        unit: [],
        channel: [],
        tags: [],
        trashed: false,
        sort: 'relevance',
        offset: 0,
        limit: 120,
      },
      { trashed: true, limit: 1 },
    ]);
    expect(lib.pages.total).toBe(5);
    expect(lib.trashCount).toBe(2);
    expect(lib.filtered).toBe(false);
  });

  it('searches once per new text; filters and sort make the query; facets only while the panel is open', async () => {
    const { lib } = await shown();
    sent = [];
    lib.search('鱼');
    lib.search('鱼');
    await settle();
    expect(sentOf('librarySearch')).toHaveLength(1);
    expect(sentOf('librarySearch')[0]).toMatchObject({ text: '鱼', offset: 0 });
    expect(lib.filtered).toBe(true);

    sent = [];
    lib.setFilters({ ...NO_FILTERS, unit: ['城关派出所'], year: '2025', month: '3' });
    lib.setSort('date');
    await settle();
    expect(sentOf('librarySearch').at(-1)).toMatchObject({
      text: '鱼',
      unit: ['城关派出所'],
      from: '2025-03',
      to: '2025-03',
      sort: 'date',
    });
    expect(sentOf('librarySearch').filter((q) => q.facets)).toEqual([]);

    lib.toggleFilters();
    await settle();
    expect(sentOf('librarySearch').filter((q) => q.facets)).toHaveLength(1);
    expect(lib.facets).toEqual({ kind: [] });
    lib.search('鱼市');
    await settle();
    expect(sentOf('librarySearch').filter((q) => q.facets)).toHaveLength(2);
    lib.toggleFilters();
    expect(lib.facets).toBeNull();

    lib.clearAll();
    await settle();
    expect(lib.filtered).toBe(false);
    expect(sentOf('librarySearch').at(-1)).toMatchObject({ text: '', unit: [] });
  });

  it('moves samples to the trash with an undo, and forgets them in the selection and the detail', async () => {
    const { lib } = await shown();
    lib.selection.all(['a', 'b', 'c']);
    lib.show(sample('b'));
    await lib.trash(['a', 'b']);
    expect(sentOf('libraryTrash')).toEqual([{ ids: ['a', 'b'] }]);
    expect([...lib.selection.ids]).toEqual(['c']);
    expect(lib.detail).toBeNull();
    expect(lib.notice?.text).toBe('已将 2 个样本移入回收站');
    await lib.act(lib.notice!.undo!);
    expect(sentOf('libraryRestore')).toEqual([{ ids: ['a', 'b'] }]);
    expect(lib.notice).toEqual({ text: '已恢复 2 个样本' });
  });

  it('deletes for good only when the user confirms; a failure becomes the screen error', async () => {
    const { host, lib } = await shown();
    lib.setView('trash');
    host.answer = false;
    await lib.purge(['a']);
    expect(host.asked).toEqual(['彻底删除']);
    expect(sentOf('libraryPurge')).toEqual([]);
    host.answer = true;
    await lib.emptyTrash();
    expect(sentOf('libraryIds').at(-1)).toEqual({ trashed: true });
    expect(sentOf('libraryPurge')).toEqual([{ ids: ['a', 'b', 'c', 'd', 'e'] }]);
    expect(lib.notice?.text).toBe('已彻底删除 5 个样本');

    delete answers.libraryRestore;
    await lib.restore(['a']);
    expect(lib.error).toBe('没有');
  });

  it('asks for every id of a query once, and imports only files that are not the system’s', async () => {
    const { lib } = await shown();
    expect(await lib.rangeIds(1, 2)).toEqual(['b', 'c']);
    expect(await lib.rangeIds(0, 4)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sentOf('libraryIds')).toHaveLength(1);

    lib.importFiles([new File(['x'], 'Thumbs.db'), new File(['x'], '.DS_Store')], '导入文件');
    expect(lib.error).toBe('没有可导入的文件');
    expect(lib.tasks).toEqual([]);
    lib.importFiles([new File(['x'], 'Thumbs.db'), new File(['x'], '横幅.jpg')], '导入文件');
    expect(lib.tasks.map((t) => t.task.label)).toEqual(['导入文件（1 个文件）']);
    lib.dismissTask(lib.tasks[0]!.id);
    expect(lib.tasks).toEqual([]);
  });

  it('keeps the view, search, filters, sort and panel while the screen is away', async () => {
    const first = await shown();
    first.lib.setView('trash');
    first.lib.search('鱼');
    first.lib.setSort('title');
    first.lib.toggleFilters();
    first.host.disconnect();
    const again = await shown();
    expect(again.lib).toMatchObject({ view: 'trash', text: '鱼', sort: 'title', filtersOpen: true });
    expect(
      sentOf('librarySearch')
        .filter((q) => q.offset === 0)
        .at(-1),
    ).toMatchObject({ text: '鱼', trashed: true, sort: 'title', offset: 0 });
    // Back as it was, for whatever runs after.
    again.lib.setView('samples');
    again.lib.clearAll();
    again.lib.setSort('relevance');
    again.lib.toggleFilters();
    again.host.disconnect();
  });
});
