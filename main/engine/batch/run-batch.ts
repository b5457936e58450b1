import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import type { BatchOutputFile, BatchReport, BatchRowResult, BatchSettingsInput, BatchTable } from '../../core/batch.js';
import { StudioError, systemReason, type Design } from '../../core/index.js';
import type { Scene } from '../scene/types.js';
import { isBlankRow, planBatch, type BatchPlan } from './plan.js';
import { reportText } from './report-text.js';
import { placeholderReason } from '../preflight/placeholders.js';
import { designForRow, reasonOf, RowProblem, sceneForRow } from './row-design.js';
import { makeStagingDir, removeStagingDir } from './staging.js';
import { writeScenes } from './write-output.js';
import { writeZip } from './write-zip.js';

export interface RunBatchOptions {
  /** The template (or design) whose slots the rows fill. */
  design: Design;
  table: BatchTable;
  settings?: BatchSettingsInput;
  /** Created if missing. Existing files of the same names are replaced (atomically). */
  outDir: string;
  /** Where relative image paths in cells are found: the table's folder. Default: the working folder. */
  baseDir?: string;
  /** The table's file name, for 报告.txt. */
  tableName?: string;
}

export interface RunBatchHooks {
  /** Monotonic; done === total at the end of a run that was not cancelled. */
  onProgress?(done: number, total: number): void;
  /** Each row's outcome as it is known (single-pdf: 'done' rows once the PDF is written). */
  onRow?(result: BatchRowResult): void;
  /** Abort to cancel: the row being written is abandoned (no partial file), none is started. */
  signal?: AbortSignal;
  /** A row failed for a reason that is a bug, not its content: the original error, for a log. */
  onUnexpected?(row: number, err: unknown): void;
}

class Cancelled extends Error {}

/**
 * Produce one output per data row of `table` from `design`. A row that fails (empty slogan, text
 * that cannot fit, a bad image or QR content…) is reported with its data-row number and reason
 * and the others go on. Settings that would fail every row throw before anything is written
 * (planBatch), and so does a failure to write (disk full, folder not writable).
 *
 * Cancelling keeps the per-row files already finished (each complete; listed in the report) and
 * writes neither the single PDF nor the zip; nothing half-written is left anywhere.
 */
export async function runBatch(opts: RunBatchOptions, hooks: RunBatchHooks = {}): Promise<BatchReport> {
  const plan = planBatch(opts.design, opts.table, opts.settings);
  const { output, zip } = plan.settings;
  const single = output === 'single-pdf';
  const n = opts.table.rows.length;
  const total = n + (single ? n : 0) + (zip ? 1 : 0);
  const report: BatchReport = { total: n, outputs: [], failures: [], skipped: [], cancelled: false, notes: [] };
  const notes = new Set<string>();
  const aborted = () => hooks.signal?.aborted === true;
  let shown = -1;
  const progress = (done: number) => {
    if (done > shown) hooks.onProgress?.((shown = done), total);
  };
  const step = (base: number, span: number) => (d: number, t: number) => {
    if (aborted()) throw new Cancelled();
    progress(base + Math.floor((span * d) / Math.max(1, t)));
  };

  try {
    await fs.mkdir(opts.outDir, { recursive: true });
  } catch (err) {
    throw new StudioError('output-failed', `无法创建输出文件夹 ${opts.outDir}：${systemReason(err)}`, [], {
      cause: err,
    });
  }
  const staging = zip ? makeStagingDir() : null;
  const dir = staging ?? opts.outDir;
  try {
    const scenes: { row: number; scene: Scene }[] = [];
    for (const [i, row] of opts.table.rows.entries()) {
      if (aborted()) break;
      const rowNo = i + 1;
      const result = isBlankRow(row) ? null : await buildRow(opts, plan, i, notes, hooks);
      if (!result) {
        report.skipped.push(rowNo);
        hooks.onRow?.({ row: rowNo, status: 'skipped' });
      } else if ('reason' in result) {
        const failure = { row: rowNo, reason: result.reason };
        report.failures.push(failure);
        hooks.onRow?.({ row: rowNo, status: 'failed', failure });
      } else if (single) scenes.push({ row: rowNo, scene: result.scene });
      else {
        const fileName = plan.fileNames[i]!;
        if (!(await write([result.scene], join(dir, fileName), plan, step(i, 1)))) break;
        const out: BatchOutputFile = { row: rowNo, path: staging ? fileName : join(dir, fileName), fileName };
        report.outputs.push(out);
        hooks.onRow?.({ row: rowNo, status: 'done', output: out });
      }
      progress(rowNo);
      // Let the event loop breathe between rows: the studio's status polls and a cancel get in.
      await new Promise((r) => setImmediate(r));
    }
    if (aborted()) report.cancelled = true;
    if (single && scenes.length && !report.cancelled) {
      const fileName = `${plan.bundleName}.pdf`;
      const path = join(dir, fileName);
      if (
        await write(
          scenes.map((s) => s.scene),
          path,
          plan,
          step(n, n),
        )
      ) {
        if (!staging) report.pdfPath = path;
        for (const [k, s] of scenes.entries()) {
          const out: BatchOutputFile = { row: s.row, path: staging ? fileName : path, fileName, page: k + 1 };
          report.outputs.push(out);
          hooks.onRow?.({ row: s.row, status: 'done', output: out });
        }
      } else report.cancelled = true;
    }
    report.notes = [...notes];
    if (staging && !report.cancelled && report.outputs.length + report.failures.length > 0) {
      report.zipPath = join(opts.outDir, `${plan.bundleName}.zip`);
      const files = [...new Set(report.outputs.map((o) => o.fileName))].map((name) => ({
        name,
        path: join(staging, name),
      }));
      const text = reportText(report, {
        design: opts.design.name,
        table: opts.tableName ? basename(opts.tableName) : '（未命名）',
      });
      await writeZip(report.zipPath, files, [{ name: '报告.txt', text }]);
    }
    if (!report.cancelled) progress(total);
    return report;
  } finally {
    if (staging) await removeStagingDir(staging);
  }

  /** Write, or false when cancelled meanwhile; any other failure is the whole run's. */
  async function write(
    sc: Scene[],
    path: string,
    p: BatchPlan,
    onStep: (d: number, t: number) => void,
  ): Promise<boolean> {
    try {
      await writeScenes(sc, path, p.settings.output, { dpi: p.settings.dpi, step: onStep });
      return true;
    } catch (err) {
      // The writers wrap what a progress callback throws in their own "output failed" error.
      if (aborted()) return false;
      throw err;
    }
  }
}

/** A row's scene, or the reason it cannot be made; notes that hold for the whole run are collected. */
async function buildRow(
  opts: RunBatchOptions,
  plan: BatchPlan,
  i: number,
  notes: Set<string>,
  hooks: RunBatchHooks,
): Promise<{ scene: Scene } | { reason: string }> {
  try {
    const design = await designForRow(opts.design, plan.mapping, opts.table, i, opts.baseDir ?? process.cwd());
    const r = await sceneForRow(design);
    // After the row's own faults (a bad image, text that cannot fit), which say more.
    const sample = plan.settings.allowPlaceholder ? null : placeholderReason(design);
    if (sample) return { reason: sample };
    for (const note of r.notes) notes.add(note);
    return { scene: r.scene };
  } catch (err) {
    if (!(err instanceof RowProblem) && !(err instanceof StudioError)) hooks.onUnexpected?.(i + 1, err);
    return { reason: reasonOf(err) };
  }
}
