import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { StudioError } from '../../core/index.js';
import type { KitFailure } from '../../core/kit.js';
import type { JobContext, JobSpec } from './job-service.js';
import type { GridKitTaskInput, ImposeTaskInput, KitStepEvent, MarketKitTaskInput } from './kit-tasks.js';
import type { Task } from './tasks.js';

/*
 * The imposition and kit jobs of the studio: each runs its task on the pool into the job's own
 * folder and, when done, offers the one file the user takes away — the imposed PDF, or the kit's
 * zip (the print shop's delivery package, or the audiences' folders). A cancelled or failed job
 * leaves nothing (the job service removes its folder).
 */

export function imposeJob(input: Omit<ImposeTaskInput, 'out'>, fileName: string, assetDir: string): JobSpec<'impose'> {
  return {
    kind: 'impose',
    initial: {},
    failure: '拼版时出现意外错误，请重试；如果问题持续，请减少物料或换一种纸张',
    async run(ctx) {
      const out = join(ctx.dir(), fileName);
      const r = await ctx.task(
        { kind: 'impose', input: { ...input, out }, assetDir },
        { onProgress: (done, total) => ctx.progress(total > 0 ? done / total : 0) },
      );
      const { size } = await fs.stat(r.path);
      return {
        downloadId: ctx.offer(r.path),
        fileName: basename(r.path),
        bytes: size,
        sheets: r.sheets,
        pieces: r.pieces,
        wastePct: r.wastePct,
      };
    },
  };
}

const kitStatus = (kit: 'market' | 'grid') => ({
  kit,
  step: '',
  stepsDone: 0,
  stepsTotal: 0,
  failures: [] as KitFailure[],
  files: 0,
});

/** Hooks that keep a kit job's status current as its task goes. */
function follow(ctx: JobContext<'kit'>) {
  return {
    onProgress: (done: number, total: number) => {
      ctx.progress(total > 0 ? done / total : 0);
      Object.assign(ctx.status, { stepsDone: done, stepsTotal: total });
    },
    onEvent: (e: unknown) => {
      ctx.status.step = (e as KitStepEvent).step;
    },
  };
}

async function deliver(
  ctx: JobContext<'kit'>,
  outDir: string,
  r: { zip?: string; failures: KitFailure[]; files: { role: string }[] },
) {
  ctx.status.failures = r.failures;
  if (!r.zip)
    throw new StudioError(
      'output-failed',
      '没有做成任何文件',
      r.failures.map((f) => `${f.item}：${f.reason}`),
    );
  const path = join(outDir, r.zip);
  const { size } = await fs.stat(path);
  return {
    downloadId: ctx.offer(path),
    fileName: r.zip,
    bytes: size,
    failures: r.failures,
    files: r.files.filter((f) => f.role !== 'zip').length,
    step: '',
  };
}

/** A kit as a job: its task on the pool into the job's folder, then its zip offered. */
function kitJob(kit: 'market' | 'grid', task: (outDir: string) => KitTask, failure: string): JobSpec<'kit'> {
  return {
    kind: 'kit',
    initial: kitStatus(kit),
    failure,
    async run(ctx) {
      const outDir = join(ctx.dir(), 'kit');
      const r = await ctx.task(task(outDir), follow(ctx));
      return deliver(ctx, outDir, r);
    },
  };
}

type KitTask = Extract<Task, { kind: 'kit-market' | 'kit-grid' }>;

export const marketKitJob = (input: Omit<MarketKitTaskInput, 'outDir'>): JobSpec<'kit'> =>
  kitJob(
    'market',
    (outDir) => ({ kind: 'kit-market', input: { ...input, outDir } }),
    '制作套装时出现意外错误，请重试；如果问题持续，请减少摊位数',
  );

export const gridKitJob = (input: Omit<GridKitTaskInput, 'outDir'>): JobSpec<'kit'> =>
  kitJob(
    'grid',
    (outDir) => ({ kind: 'kit-grid', input: { ...input, outDir } }),
    '制作宣防包时出现意外错误，请重试；如果问题持续，请减少人群数',
  );
