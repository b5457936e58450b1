import { dirname, resolve } from 'node:path';
import type { BatchOutput, BatchReport } from '../../core/batch.js';
import { readTable } from '../../engine/batch/read-table.js';
import { failureLines } from '../../engine/batch/report-text.js';
import { runBatch } from '../../engine/batch/run-batch.js';
import { removeBatchStaging } from '../../engine/batch/staging.js';
import { DESIGN_OPTIONS, DPI, numberOption, parse } from '../args.js';
import { logDebug } from '../debug-log.js';
import { err, out, progressReporter, UsageError } from '../io.js';
import { designsFromArgs } from './design-input.js';

/** Failed rows listed one by one; past this (a whole table failing alike) a count. */
const MAX_LISTED = 100;
const FORMATS: Record<string, BatchOutput> = { pdf: 'pdf', png: 'png', jpeg: 'jpeg', jpg: 'jpeg', webp: 'webp' };

/**
 * campaign-studio batch (--template ID | --design FILE) --data TABLE --out DIR …
 * One output per data row; exit 0 when every row made it, 1 when any failed (listed on stderr
 * by data-row number), 2 for usage errors.
 */
export async function batchCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    ...DESIGN_OPTIONS,
    data: { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    'single-pdf': { type: 'boolean' },
    zip: { type: 'boolean' },
    name: { type: 'string' },
    dpi: { type: 'string' },
    'allow-placeholder': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!v.data) throw new UsageError('需要 --data 表格文件（.csv 或 .xlsx）');
  if (!v.out) throw new UsageError('需要 --out 输出文件夹');
  const format = v.format === undefined ? 'pdf' : FORMATS[v.format];
  if (!format) throw new UsageError(`--format 应为 pdf、png、jpeg、webp 之一，收到「${v.format}」`);
  if (v['single-pdf'] && format !== 'pdf') throw new UsageError('--single-pdf 只能与 PDF 格式一起使用');
  const dpi = numberOption('--dpi', v.dpi, DPI);
  if (dpi !== undefined && format === 'pdf')
    throw new UsageError('--dpi 只用于图片格式（png、jpeg、webp）；PDF 是矢量的');
  const designs = await designsFromArgs(v);
  if (designs.length !== 1) throw new UsageError('批量生成只能用一个模板或设计文件');

  const table = await readTable(v.data);
  // Ctrl-C: main.ts removes temporary output files; the zip's staging folder goes first.
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.prependListener(s, removeBatchStaging);
  const report = await runBatch(
    {
      design: designs[0]!,
      table,
      outDir: v.out,
      baseDir: dirname(resolve(v.data)),
      tableName: v.data,
      settings: {
        output: v['single-pdf'] ? 'single-pdf' : format,
        zip: v.zip ?? false,
        namePattern: v.name,
        dpi,
        allowPlaceholder: v['allow-placeholder'] || undefined,
      },
    },
    { onProgress: progressReporter('批量生成中'), onUnexpected: (row, e) => logDebug(e, [`batch 第 ${row} 行`]) },
  );
  for (const n of report.notes) err(`注意：${n}`);
  if (v.json) out(JSON.stringify(report));
  else out(summary(report, v.out));
  if (report.failures.length) err(failureSummary(report));
  return report.failures.length ? 1 : 0;
}

function summary(r: BatchReport, outDir: string): string {
  const made = new Set(r.outputs.map((o) => o.row)).size;
  const where = r.zipPath ?? r.pdfPath ?? outDir;
  const parts = [`已生成 ${made} 行（共 ${r.total} 行数据）→ ${where}`];
  if (r.pdfPath || (r.zipPath && r.outputs.some((o) => o.page))) parts.push(`，合并为 ${made} 页`);
  if (r.skipped.length) parts.push(`；空行跳过：第 ${r.skipped.join('、')} 行`);
  return parts.join('');
}

function failureSummary(r: BatchReport): string {
  const lines = failureLines(r);
  const shown = lines.slice(0, MAX_LISTED).map((l) => `  ${l}`);
  if (lines.length > MAX_LISTED)
    shown.push(`  ……另有 ${lines.length - MAX_LISTED} 行失败（加 --json 或 --zip 可得完整列表）`);
  return `有 ${r.failures.length} 行失败：\n${shown.join('\n')}`;
}
