import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { BATCH_SAMPLE_ROWS, type BatchRowPreview, type BatchTableInfo } from '../../core/api-batch.js';
import type { BatchSettings, BatchSettingsInput, BatchTable } from '../../core/batch.js';
import { defaultNamePattern } from '../../core/batch.js';
import { designFromTemplate, StudioError, type Design } from '../../core/index.js';
import { resolveMapping } from '../../engine/batch/mapping.js';
import { isBlankRow, planBatch } from '../../engine/batch/plan.js';
import { readTable } from '../../engine/batch/read-table.js';
import { designForRow, reasonOf, sceneForRow } from '../../engine/batch/row-design.js';
import { getTemplate } from '../../engine/templates.js';
import type { Uploads } from '../uploads.js';
import { previewScene, rowPreview } from './preview.js';

/** A table as the batch methods use it: read once per upload, with its file name and folder. */
export interface LoadedTable {
  table: BatchTable;
  fileName: string;
  /** Where relative image paths in cells are looked for: the upload's own folder. */
  baseDir: string;
}

/** Tables kept in memory at once (a user switches between one or two files). */
const KEEP_TABLES = 4;

/**
 * Uploaded tables by uploadId, parsed once: the mapping, previews, name checks and the run all
 * read the same rows without parsing a 5,000-row XLSX again on every keystroke.
 */
export class BatchTables {
  private readonly cache = new Map<string, Promise<LoadedTable>>();

  constructor(private readonly uploads: Uploads) {}

  get(uploadId: string): Promise<LoadedTable> {
    let hit = this.cache.get(uploadId);
    if (!hit) {
      hit = this.load(uploadId);
      this.cache.set(uploadId, hit);
      // A file that could not be read is read again next time (the user may have fixed nothing, but
      // an error must never be remembered in place of a table).
      hit.catch(() => this.cache.delete(uploadId));
      while (this.cache.size > KEEP_TABLES) this.cache.delete(this.cache.keys().next().value!);
    }
    return hit;
  }

  private async load(uploadId: string): Promise<LoadedTable> {
    const up = this.uploads.get(uploadId);
    const table = await readTable({ data: await fs.readFile(up.path), fileName: up.name });
    return { table, fileName: up.name, baseDir: dirname(up.path) };
  }
}

export const templateDesign = (templateId: string): Design => designFromTemplate(getTemplate(templateId));

export function tableInfo(t: LoadedTable, design: Design): BatchTableInfo {
  const mapping = resolveMapping(design, t.table);
  return {
    fileName: t.fileName,
    columns: t.table.columns,
    rowCount: t.table.rows.length,
    sample: t.table.rows.slice(0, BATCH_SAMPLE_ROWS),
    mapping,
    namePattern: defaultNamePattern(t.table.columns, mapping),
  };
}

/**
 * Rows as the run will make them: the same row design (designForRow), laid out once for the
 * preview. A row the run would refuse says why here already; text that will not fit shows as an
 * 'overflow' note (the run fails such a row; the preview still draws it so the user sees how bad).
 */
export async function previewRows(
  t: LoadedTable,
  design: Design,
  mapping: BatchSettings['mapping'],
  rows: readonly number[],
): Promise<BatchRowPreview[]> {
  const resolved = resolveMapping(design, t.table, mapping);
  const out: BatchRowPreview[] = [];
  for (const row of rows) {
    const cells = t.table.rows[row - 1];
    if (!cells) throw new StudioError('invalid-input', `表格只有 ${t.table.rows.length} 行数据，没有第 ${row} 行`);
    if (isBlankRow(cells)) {
      out.push({ row, problem: '空行（生成时跳过）', notes: [] });
      continue;
    }
    try {
      const d = await designForRow(design, resolved, t.table, row - 1, t.baseDir);
      const p = rowPreview(await previewScene(d));
      const notes = p.notes.map((n) => ({ kind: n.kind, message: n.message }));
      const bad = notes.some((n) => n.kind === 'overflow' || n.kind === 'missing-glyph');
      out.push({ row, svg: p.svg, notes, problem: bad ? await runReason(d) : undefined });
    } catch (err) {
      out.push({ row, problem: reasonOf(err), notes: [] });
    }
  }
  return out;
}

/** The run's own words for a row it will refuse (rare, so laying it out a second time is fine). */
async function runReason(d: Design): Promise<string> {
  try {
    await sceneForRow(d);
    return '';
  } catch (err) {
    return reasonOf(err);
  }
}

/** What a run with these settings would name its files, without rendering anything. */
export function planNames(t: LoadedTable, design: Design, settings: BatchSettingsInput) {
  const plan = planBatch(design, t.table, settings);
  const examples = plan.fileNames.flatMap((f, i) => (f === null ? [] : [{ row: i + 1, fileName: f }])).slice(0, 3);
  return { namePattern: plan.namePattern, examples, downloadName: downloadName(plan.bundleName, plan.settings) };
}

/** The one file the user gets: the single PDF, or a zip of everything. */
export const downloadName = (bundleName: string, s: Pick<BatchSettings, 'output' | 'zip'>): string =>
  `${bundleName}.${deliversZip(s) ? 'zip' : 'pdf'}`;

/** Many files always travel as one zip (a browser takes one download per click); the single PDF only when asked. */
export const deliversZip = (s: Pick<BatchSettings, 'output' | 'zip'>): boolean => s.output !== 'single-pdf' || s.zip;
