import {
  BatchSettingsSchema,
  defaultNamePattern,
  type BatchMapping,
  type BatchSettings,
  type BatchSettingsInput,
  type BatchTable,
} from '../../core/batch.js';
import { parseOrThrow, slotsOf, StudioError, type Design } from '../../core/index.js';
import { checkNamePattern, rowFileName, safeFileName, UniqueNames } from './file-names.js';
import { resolveMapping } from './mapping.js';
import { EXTENSION } from './write-output.js';

/** Everything decided before the first row is rendered; what the studio shows before "开始". */
export interface BatchPlan {
  settings: BatchSettings;
  mapping: BatchMapping;
  namePattern: string;
  /** Per data row (index = row − 1): its output's file name, or null for a blank row. */
  fileNames: (string | null)[];
  /** Base name (no extension) of the single PDF and the zip. */
  bundleName: string;
}

export const isBlankRow = (row: readonly string[]): boolean => row.every((c) => c === '');

/**
 * Check settings, mapping and name pattern against the design and the table, and name every
 * output. Throws a StudioError for what would fail every row alike (an unknown column in the
 * pattern, a table with no column matching any slot), so such a run never starts.
 */
export function planBatch(design: Design, table: BatchTable, input: BatchSettingsInput = {}): BatchPlan {
  const settings = parseOrThrow(BatchSettingsSchema, input, '批量设置');
  const mapping = resolveMapping(design, table, settings.mapping);
  if (mapping.slots.every((s) => s.column === null)) {
    const slots =
      slotsOf(design)
        .map((s) => `${s.name}（${s.label}）`)
        .join('、') || '（此设计没有槽位）';
    throw new StudioError('invalid-input', '表格中没有一列能对应到模板的槽位', [
      `表格的列：${table.columns.join('、')}`,
      `模板的槽位：${slots}`,
      '请把列名改成槽位的名称（如「标语」「单位名称」），或指定对应关系',
    ]);
  }
  const namePattern = settings.namePattern ?? defaultNamePattern(table.columns, mapping);
  checkNamePattern(namePattern, table.columns);
  const names = new UniqueNames();
  const ext = EXTENSION[settings.output];
  const fileNames = table.rows.map((row, i) =>
    isBlankRow(row) ? null : rowFileName(names, namePattern, table.columns, row, i + 1, table.rows.length, ext),
  );
  const bundleName = safeFileName(settings.bundleName ?? `${design.name}-批量`) || '批量输出';
  return { settings, mapping, namePattern, fileNames, bundleName };
}
