import { basename, join } from 'node:path';
import type { BatchReport, BatchRowResult, BatchSettingsInput, BatchTable } from '../../core/batch.js';
import type { Design } from '../../core/index.js';
import { reportText } from '../../engine/batch/report-text.js';
import { runBatch } from '../../engine/batch/run-batch.js';
import { writeZip } from '../../engine/batch/write-zip.js';

/** One studio batch, as both runners (worker thread and in-process) execute it. */
export interface BatchTaskInput {
  design: Design;
  table: BatchTable;
  /** The user's settings; `zip` is decided here (see `zipName`), the engine always writes loose files. */
  settings: BatchSettingsInput;
  /** The job's private folder for the per-row files. */
  outDir: string;
  baseDir: string;
  tableName: string;
  /** When set, everything is also packed into this zip (path) after the rows. */
  zipPath: string | null;
}

export interface BatchTaskResult {
  report: BatchReport;
  /** The file the user downloads: the zip, or the single PDF; absent when nothing was made or cancelled. */
  deliverable?: string;
}

export interface BatchTaskHooks {
  onProgress(done: number, total: number): void;
  onRow(result: BatchRowResult): void;
  signal: AbortSignal;
}

/**
 * Rows → loose files in the job folder (kept: publishing reads them), then one zip of them with
 * 报告.txt. The engine's own zip option is not used because it keeps only the zip, and the
 * library needs each row's file. Progress counts the zip as one more row.
 */
export async function runBatchTask(input: BatchTaskInput, hooks: BatchTaskHooks): Promise<BatchTaskResult> {
  const extra = input.zipPath ? 1 : 0;
  const report = await runBatch(
    {
      design: input.design,
      table: input.table,
      settings: { ...input.settings, zip: false },
      outDir: input.outDir,
      baseDir: input.baseDir,
      tableName: input.tableName,
    },
    { onProgress: (d, t) => hooks.onProgress(d, t + extra), onRow: hooks.onRow, signal: hooks.signal },
  );
  if (report.cancelled || hooks.signal.aborted) return { report: { ...report, cancelled: true } };
  if (!input.zipPath) return report.pdfPath ? { report, deliverable: report.pdfPath } : { report };
  if (report.outputs.length === 0) return { report };
  const files = [...new Set(report.outputs.map((o) => o.fileName))].map((name) => ({
    name,
    path: join(input.outDir, name),
  }));
  const text = reportText(report, { design: input.design.name, table: basename(input.tableName) });
  await writeZip(input.zipPath, files, [{ name: '报告.txt', text }]);
  return { report, deliverable: input.zipPath };
}
