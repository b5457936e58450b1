import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ExportRequest } from '../../core/api.js';
import type { Design } from '../../core/index.js';
import { prepareAssets, type AssetLoader } from '../../engine/assets/prepare.js';
import { renderRasterBuffer } from '../../engine/output/raster/render-raster.js';
import type { RenderResult } from '../../engine/render.js';
import { buildScene } from '../../engine/scene/build-scene.js';
import { getTemplate, listTemplates } from '../../engine/templates.js';
import { renderForPublish, type PublishFiles } from '../publish.js';
import { runBatchTask, type BatchTaskInput, type BatchTaskResult } from './batch-task.js';
import { runExport } from './export-task.js';
import {
  runGridKitTask,
  runImposeTask,
  runMarketKitTask,
  type GridKitTaskInput,
  type ImposeTaskInput,
  type MarketKitTaskInput,
} from './kit-tasks.js';
import type { ImposeReport } from '../../engine/impose/impose.js';
import type { GridKitReport } from '../../engine/kit/grid-kit.js';
import type { MarketKitReport } from '../../engine/kit/market-kit.js';

/*
 * The CPU-heavy work the job service hands to a worker (or, running from sources, does on this
 * thread): the same functions either way. Inputs and results are plain data (they cross threads);
 * images named by reference are read from the asset store's folder.
 */

export type Task =
  | { kind: 'export'; req: ExportRequest; out: string; assetDir: string }
  | { kind: 'batch'; input: BatchTaskInput }
  | { kind: 'publish'; design: Design; dir: string; assetDir: string; allowPlaceholder?: boolean }
  | { kind: 'thumbnail'; templateId: string; longPx: number }
  | { kind: 'impose'; input: ImposeTaskInput; assetDir: string }
  | { kind: 'kit-market'; input: MarketKitTaskInput }
  | { kind: 'kit-grid'; input: GridKitTaskInput };

export interface TaskResults {
  export: RenderResult;
  batch: BatchTaskResult;
  publish: PublishFiles;
  /** PNG bytes (a Buffer in this thread, a Uint8Array after crossing). */
  thumbnail: Uint8Array;
  impose: ImposeReport;
  'kit-market': MarketKitReport;
  'kit-grid': GridKitReport;
}

export interface TaskContext {
  progress(done: number, total: number): void;
  event(event: unknown): void;
  isCancelled(): boolean;
  /** Aborted on cancel (the batch engine checks it between rows). */
  signal: AbortSignal;
}

/** Reads referenced images from the store's folder (files named by their SHA-256). */
export const folderLoader =
  (dir: string): AssetLoader =>
  (ref) =>
    fs.readFile(join(dir, ref.sha256));

export async function runTask(task: Task, ctx: TaskContext): Promise<TaskResults[Task['kind']]> {
  switch (task.kind) {
    case 'export':
      return runExport(task.req, task.out, folderLoader(task.assetDir), ctx.progress, ctx.isCancelled);
    case 'batch':
      return runBatchTask(task.input, {
        onProgress: ctx.progress,
        onRow: (r) => ctx.event(r),
        signal: ctx.signal,
      });
    case 'publish':
      return renderForPublish(task.design, task.dir, folderLoader(task.assetDir), task.allowPlaceholder);
    case 'thumbnail':
      return templateThumbnail(task.templateId, task.longPx);
    case 'impose':
      return runImposeTask(task.input, folderLoader(task.assetDir), ctx);
    case 'kit-market':
      return runMarketKitTask(task.input, ctx);
    case 'kit-grid':
      return runGridKitTask(task.input, ctx);
  }
}

/** A template's gallery thumbnail, drawn by the engine itself: the gallery shows what prints. */
async function templateThumbnail(id: string, longPx: number): Promise<Buffer> {
  const t = getTemplate(id); // a StudioError for an unknown id
  const { scene } = buildScene(t, await prepareAssets(t));
  const landscape = t.format.widthMm >= t.format.heightMm;
  const widthPx = landscape ? longPx : Math.max(1, Math.round((longPx * t.format.widthMm) / t.format.heightMm));
  return (await renderRasterBuffer(scene, { format: 'png', widthPx })).data;
}

/** Loads what every task needs (engine modules, fonts, sharp, pdfkit) so the first real one starts warm. */
export async function warmUp(): Promise<void> {
  await Promise.all([import('sharp'), import('../../engine/output/pdf/write-pdf.js')]);
  // Laying out one template opens the bundled faces the gallery uses.
  for (const t of listTemplates().slice(0, 1)) buildScene(t, await prepareAssets(t));
}
