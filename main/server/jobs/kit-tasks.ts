import type { AudienceRow } from '../../core/kit.js';
import type { Design, Stall, UnitProfile } from '../../core/index.js';
import { imposeDesigns, type ImposeReport } from '../../engine/impose/impose.js';
import type { SheetSize } from '../../engine/impose/sheets.js';
import { runGridKit, type GridKitReport } from '../../engine/kit/grid-kit.js';
import type { KitProgress } from '../../engine/kit/kit-run.js';
import { runMarketKit, type MarketKitReport } from '../../engine/kit/market-kit.js';
import type { TaskContext } from './tasks.js';

/*
 * The imposition and kit tasks, as the job service's workers (or, from sources, this thread) run
 * them: plain data in and out. A kit's progress crosses as (done, total) and its current step as an
 * event; cancelling aborts the run between steps.
 */

export interface ImposeTaskInput {
  items: { design: Design; count: number }[];
  sheet: SheetSize;
  gapMm?: number | undefined;
  rotate?: boolean | undefined;
  job: string;
  out: string;
  allowPlaceholder: boolean;
}

export interface MarketKitTaskInput {
  stalls: Stall[];
  chosen: (string | null)[];
  profile: UnitProfile;
  outDir: string;
  job?: string | undefined;
  allowPlaceholder: boolean;
}

export interface GridKitTaskInput {
  audiences: AudienceRow[];
  profile: UnitProfile;
  outDir: string;
  allowPlaceholder: boolean;
}

/** A kit's step as an event (the status shows what is being made now). */
export interface KitStepEvent {
  step: string;
}

const kitHooks = (ctx: TaskContext) => ({
  signal: ctx.signal,
  onProgress: (p: KitProgress) => {
    ctx.progress(p.done, p.total);
    ctx.event({ step: p.step } satisfies KitStepEvent);
  },
});

export function runImposeTask(
  input: ImposeTaskInput,
  load: Parameters<typeof imposeDesigns>[1],
  ctx: TaskContext,
): Promise<ImposeReport> {
  return imposeDesigns({ ...input, onProgress: ctx.progress }, load);
}

export function runMarketKitTask(input: MarketKitTaskInput, ctx: TaskContext): Promise<MarketKitReport> {
  return runMarketKit({ ...input, ...kitHooks(ctx) });
}

export function runGridKitTask(input: GridKitTaskInput, ctx: TaskContext): Promise<GridKitReport> {
  return runGridKit({ ...input, ...kitHooks(ctx) });
}
