import type { BatchMapping, BatchSettings, BatchTable, SlotMapping } from '../../core/batch.js';
import { slotsOf, StudioError, type Design } from '../../core/index.js';

/**
 * Which column fills which slot. Automatic rule, in order, each column used once:
 *  1. a header equal to the slot's name (`slogan`) or its label in the template (标语),
 *     ignoring case, spaces and full-width forms;
 *  2. a header among the usual Chinese words for that slot (ALIASES: 单位/派出所 → unit …).
 * `settings.mapping` then overrides slot by slot (null: leave the slot as the template has it).
 */
const ALIASES: Record<string, string[]> = {
  slogan: ['标语', '口号', '宣传语', '宣传标语'],
  unit: ['单位', '单位名称', '派出所', '落款', '署名'],
  title: ['标题', '主标题'],
  subtitle: ['副标题'],
  hotline: ['热线', '反诈热线', '专线', '反诈专线', '电话'],
  qr: ['二维码', '二维码内容', '链接'],
  photo: ['照片', '图片', '照片文件'],
  date: ['日期', '时间', '活动日期'],
  location: ['地点', '地址', '活动地点'],
  tips: ['提示', '提示语'],
};

/** Header comparison: NFKC folds full-width letters; case and all white space ignored. */
const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

type Fillable = SlotMapping['type'];
const FILLABLE: readonly string[] = ['text', 'image', 'qr'] satisfies Fillable[];

export function resolveMapping(
  design: Design,
  table: Pick<BatchTable, 'columns'>,
  override: BatchSettings['mapping'] = {},
): BatchMapping {
  const slots = slotsOf(design).filter((s) => FILLABLE.includes(s.type));
  const byNorm = new Map(table.columns.map((c) => [norm(c), c]));
  const used = new Set<string>();
  const take = (candidates: string[]): string | null => {
    for (const c of candidates) {
      const col = byNorm.get(norm(c));
      if (col !== undefined && !used.has(col)) return (used.add(col), col);
    }
    return null;
  };
  const auto = new Map<string, string | null>();
  for (const s of slots) auto.set(s.name, take([s.name, s.label]));
  for (const s of slots) if (!auto.get(s.name)) auto.set(s.name, take(ALIASES[s.name] ?? []));

  const names = new Set(slots.map((s) => s.name));
  for (const [slot, col] of Object.entries(override)) {
    if (!names.has(slot)) {
      throw new StudioError('unknown-slot', `设计中没有名为「${slot}」的可填写槽位`, [
        `可用槽位：${slots.map((s) => `${s.name}（${s.label}）`).join('、')}`,
      ]);
    }
    if (col !== null && !table.columns.includes(col)) {
      throw new StudioError('invalid-input', `表格中没有名为「${col}」的列（槽位「${slot}」）`, [
        `表格的列：${table.columns.join('、')}`,
      ]);
    }
    auto.set(slot, col);
  }
  const result = slots.map((s): SlotMapping => ({
    slot: s.name,
    label: s.label,
    type: s.type as Fillable,
    column: auto.get(s.name) ?? null,
  }));
  const taken = new Set(result.map((s) => s.column));
  return { slots: result, unusedColumns: table.columns.filter((c) => !taken.has(c)) };
}

/** One row's slot values under a mapping, as fillSlots takes them. */
export function rowAssignments(
  mapping: BatchMapping,
  columns: readonly string[],
  row: readonly string[],
): [SlotMapping, string][] {
  const out: [SlotMapping, string][] = [];
  for (const s of mapping.slots) {
    if (s.column === null) continue;
    out.push([s, row[columns.indexOf(s.column)] ?? '']);
  }
  return out;
}
