import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { StudioError } from '../../main/core/index.js';
import { Downloads } from '../../main/server/downloads.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { JobService, type JobSpec } from '../../main/server/jobs/job-service.js';
import { testContext } from '../helpers/context.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { designFromTemplate } from '../../main/core/index.js';
import { getTemplate } from '../../main/engine/templates.js';

/* The one job service (#12 §2): one queue, one CPU budget, one cancel and sweep, lanes. */
let jobs: JobService;
afterEach(() => jobs?.close());
const make = (o: Partial<ConstructorParameters<typeof JobService>[0]> = {}) =>
  (jobs = new JobService({ downloads: new Downloads(), log: () => undefined, workerFile: null, ...o }));

/** A job that waits until released, recording when it starts and ends. */
function gate(log: string[], name: string, lane?: 'library') {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const spec: JobSpec<'export'> = {
    kind: 'export',
    initial: {},
    lane,
    failure: '失败',
    async run(ctx) {
      log.push(`start ${name}`);
      await Promise.race([opened, new Promise((r) => ctx.signal.addEventListener('abort', r))]);
      log.push(`end ${name}`);
    },
  };
  return { spec, open };
}
const settle = () => new Promise((r) => setTimeout(r, 10));
const state = (id: string) => jobs.status(id).state;

describe('the job service', () => {
  it('runs at most its budget at once, the rest wait in order', async () => {
    make({ budget: 2 });
    const log: string[] = [];
    const g = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const ids = g.map((x) => jobs.start(x.spec));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(ids.map(state)).toEqual(['running', 'running', 'queued', 'queued']);
    g[1]!.open();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    g[0]!.open();
    g[2]!.open();
    g[3]!.open();
    await settle();
    expect(ids.map(state)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('one job of a lane at a time (the library); others pass it by', async () => {
    make({ budget: 2 });
    const log: string[] = [];
    const lib1 = gate(log, 'import', 'library');
    const lib2 = gate(log, 'bundle', 'library');
    const exp = gate(log, 'export');
    jobs.start(lib1.spec);
    const second = jobs.start(lib2.spec);
    jobs.start(exp.spec);
    await settle();
    expect(log).toEqual(['start import', 'start export']);
    expect(state(second)).toBe('queued');
    lib1.open();
    await settle();
    expect(log).toContain('start bundle');
    lib2.open();
    exp.open();
  });

  it('refuses more waiting jobs than it keeps, with a message', () => {
    make({ budget: 1, maxQueued: 2 });
    const log: string[] = [];
    for (let i = 0; i < 3; i++) jobs.start(gate(log, `j${i}`).spec);
    expect(() => jobs.start(gate(log, 'one too many').spec)).toThrow(StudioError);
    expect(() => jobs.start(gate(log, 'one too many').spec)).toThrow(/任务太多/);
  });

  it('cancel: a waiting job at once, a running one through its signal; nothing of either is kept', async () => {
    const downloads = new Downloads();
    make({ budget: 1, downloads });
    const log: string[] = [];
    let offered = '';
    const running: JobSpec<'export'> = {
      kind: 'export',
      initial: {},
      failure: '失败',
      async run(ctx) {
        const { writeFileSync } = await import('node:fs');
        const p = join(ctx.dir(), 'half.pdf');
        writeFileSync(p, 'half');
        offered = ctx.offer(p);
        await new Promise((r) => ctx.signal.addEventListener('abort', r));
      },
    };
    const a = jobs.start(running);
    const b = jobs.start(gate(log, 'b').spec);
    await settle();
    expect(jobs.cancel(b)).toBe(true);
    expect(state(b)).toBe('cancelled');
    expect(jobs.cancel(a)).toBe(true);
    await settle();
    expect(state(a)).toBe('cancelled');
    expect(downloads.get(offered)).toBeUndefined();
    expect(readdirSync(jobs.folder)).toEqual([]);
    expect(jobs.cancel(a)).toBe(false);
    expect(log).toEqual([]);
  });

  it("a failure is the job's message: a StudioError speaks for itself, a bug is logged and said plainly", async () => {
    const logged: string[] = [];
    make({ log: (m) => logged.push(m) });
    const failing = (err: unknown): JobSpec<'export'> => ({
      kind: 'export',
      initial: {},
      failure: '导出时出现意外错误',
      run: async () => {
        throw err;
      },
    });
    const a = jobs.start(failing(new StudioError('text-overflow', '文字放不下', ['标语'])));
    const b = jobs.start(failing(new TypeError('internal detail')));
    await settle();
    expect(jobs.status(a)).toMatchObject({ state: 'error', error: '文字放不下；标语' });
    expect(jobs.status(b)).toMatchObject({ state: 'error', error: '导出时出现意外错误' });
    expect(JSON.stringify(jobs.status(b))).not.toContain('internal detail');
    expect(logged).toEqual(['export job failed']);
  });

  it('finished jobs are swept after their time, or beyond the cap, with their files', async () => {
    make({ keepMs: 30, maxFinished: 1 });
    const ids = [0, 1].map(() =>
      jobs.start({ kind: 'export', initial: {}, failure: '', run: async (ctx) => void ctx.dir() }),
    );
    await settle();
    expect(() => jobs.status(ids[0]!)).toThrow(/找不到这个任务/);
    expect(state(ids[1]!)).toBe('done');
    await new Promise((r) => setTimeout(r, 40));
    jobs.start({ kind: 'export', initial: {}, failure: '', run: async () => undefined });
    expect(() => jobs.status(ids[1]!)).toThrow(/找不到/);
    expect(existsSync(join(jobs.folder, ids[1]!))).toBe(false);
  });

  it("internal work (gallery thumbnails) waits behind the user's jobs, within the same budget", async () => {
    make({ budget: 1 });
    const log: string[] = [];
    const first = gate(log, 'first');
    jobs.start(first.spec);
    const thumb = jobs.compute({ kind: 'thumbnail', templateId: 'sticker-round-red-40', longPx: 60 }).then((png) => {
      log.push('thumbnail');
      return png;
    });
    const second = gate(log, 'second');
    jobs.start(second.spec);
    first.open();
    await settle();
    expect(log).toEqual(['start first', 'end first', 'start second']);
    second.open();
    expect([...(await thumb).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(log.at(-1)).toBe('thumbnail');
  });
});

describe('through the real handlers, on the warm pool', () => {
  it('exports an A2 PDF and a 300 dpi PNG; the second export reuses the warm worker', async () => {
    const ctx = testContext({ workerFile: inject('workerFile'), budget: 2 });
    const h = createHandlers(ctx);
    try {
      expect(ctx.jobs.threaded).toBe(true);
      const design = designFromTemplate(getTemplate('poster-a2-red'));
      const exportOnce = async (format: 'pdf' | 'png', dpi?: number) => {
        const t0 = performance.now();
        const r = await h.exportDesign({ design, format, dpi, allowPlaceholder: true });
        if (!r.ok) throw new Error(r.error.message);
        const { jobId } = r.value as { jobId: string };
        for (;;) {
          const s = ctx.jobs.status(jobId);
          if (s.state === 'done') return { s, ms: performance.now() - t0 };
          if (s.state !== 'queued' && s.state !== 'running') throw new Error(`${s.state}: ${s.error}`);
          await new Promise((res) => setTimeout(res, 5));
        }
      };
      const cold = await exportOnce('pdf');
      const warm = await exportOnce('pdf');
      console.log(`[jobs] A2 PDF through the handlers: cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms`);
      const pdf = PdfReader.open(readFileSync(ctx.downloads.get(warm.s.downloadId!)!.path));
      expect(pdf.pageCount).toBe(1);
      pdf.close();
      const png = await exportOnce('png', 300);
      console.log(`[jobs] A2 300 dpi PNG through the handlers: ${png.ms.toFixed(0)} ms`);
      expect(readFileSync(ctx.downloads.get(png.s.downloadId!)!.path).readUInt32BE(16)).toBe(4961);
    } finally {
      await ctx.dispose();
    }
  });
});
