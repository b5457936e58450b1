import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { BatchPublish } from '../../core/api-batch.js';
import type { BatchMapping, BatchOutput, BatchReport, BatchRowFailure, BatchTable } from '../../core/batch.js';
import type { Design, SampleMetaInput } from '../../core/index.js';
import { designForRow, reasonOf } from '../../engine/batch/row-design.js';
import type { Library, NewFile } from '../../library/library.js';
import { designMeta, sloganOf } from '../../core/design-meta.js';
import { designFileBytes } from '../design-file.js';
import { imageThumbnail, pdfThumbnail } from '../../library/thumbnail.js';

export interface PublishInput {
  design: Design;
  table: BatchTable;
  tableName: string;
  mapping: BatchMapping;
  output: BatchOutput;
  report: BatchReport;
  /** The folder holding the report's files (by fileName). */
  outDir: string;
  baseDir: string;
  meta: BatchPublish;
}

const MIME: Record<BatchOutput, string> = {
  pdf: 'application/pdf',
  'single-pdf': 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};
const TAG = '批量制作';

function baseMeta(d: Design, meta: BatchPublish): SampleMetaInput {
  return { ...designMeta(d), publishedAt: meta.publishedAt, unit: meta.unit, tags: [TAG] };
}

/** The row's cell for a slot, if the mapping fills that slot. */
function cell(input: PublishInput, row: number, slot: string): string {
  const col = input.mapping.slots.find((s) => s.slot === slot)?.column;
  return col ? (input.table.rows[row - 1]?.[input.table.columns.indexOf(col)] ?? '') : '';
}

/**
 * Every row that was made becomes a library sample: its own design (so it can be opened and
 * edited later), the file the batch already rendered (nothing is rendered twice) and a thumbnail.
 * The unit is the row's own when the template has a unit slot. A row that cannot be stored is
 * reported and the others go on; the batch's outputs are never touched. The single multi-page PDF
 * is one document, so it is one sample.
 */
export async function publishBatch(
  lib: Library,
  input: PublishInput,
  onStep: (done: number, total: number) => void,
): Promise<{ published: number; failures: BatchRowFailure[] }> {
  const failures: BatchRowFailure[] = [];
  let published = 0;
  const outs = input.output === 'single-pdf' ? input.report.outputs.slice(0, 1) : input.report.outputs;
  for (const [k, o] of outs.entries()) {
    try {
      const data = await fs.readFile(join(input.outDir, o.fileName));
      const isPdf = MIME[input.output] === 'application/pdf';
      const thumb = isPdf ? await pdfThumbnail(data, o.fileName) : await imageThumbnail(data, o.fileName);
      const files: NewFile[] = [];
      const meta = baseMeta(input.design, input.meta);
      if (input.output === 'single-pdf') {
        meta.title = `${input.design.name}（批量 ${input.report.outputs.length} 页）`;
        meta.notes = `批量制作：${input.tableName}，每行一页`;
      } else {
        const design = await designForRow(input.design, input.mapping, input.table, o.row - 1, input.baseDir);
        const unit = cell(input, o.row, 'unit');
        meta.title = `${input.design.name}（${unit || o.fileName.replace(/\.[^.]+$/, '')}）`;
        meta.unit = unit || input.meta.unit;
        meta.slogan = sloganOf(design);
        meta.notes = `批量制作：${input.tableName} 第 ${o.row} 行`;
        files.push({
          role: 'design',
          data: designFileBytes(design),
          mime: 'application/json',
          name: `${design.name}.json`,
        });
      }
      const role = isPdf ? 'pdf' : input.output === 'png' ? 'png' : 'original';
      files.push(
        { role, data, mime: MIME[input.output], name: o.fileName },
        { role: 'thumbnail', data: thumb.thumbnail, mime: 'image/jpeg', name: 'thumbnail.jpg' },
      );
      await lib.add(meta, files);
      published++;
    } catch (err) {
      failures.push({ row: o.row, reason: `未能存入素材库：${reasonOf(err)}` });
    }
    onStep(k + 1, outs.length);
  }
  return { published, failures };
}
