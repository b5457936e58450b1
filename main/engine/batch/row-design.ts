import { isAbsolute, resolve } from 'node:path';
import type { BatchMapping, BatchTable, SlotMapping } from '../../core/batch.js';
import { isPlaceholder, StudioError, type Design, type Element } from '../../core/index.js';
import { prepareAssets } from '../assets/prepare.js';
import { nameOf } from '../illustrations.js';
import { fillSlots } from '../fill-slots.js';
import { buildScene } from '../scene/build-scene.js';
import type { Scene } from '../scene/types.js';
import { rowAssignments } from './mapping.js';

/** A reason a row cannot be produced; it fails that row only (its message is the reason). */
export class RowProblem extends Error {}

/** The slot whose emptiness makes a row pointless: a banner without its slogan. */
export const REQUIRED_SLOT = 'slogan';

/**
 * One row's design: the template with the row's cells in the mapped slots. An image cell is a
 * file path, relative to `baseDir` (the table's folder) unless absolute. An empty cell empties a
 * text slot (so a placeholder 某某派出所 is never printed by mistake) except the slogan, which
 * fails the row, and a slot the unit's profile filled, which keeps the profile's value; an empty
 * image or QR cell leaves the template's own.
 */
export async function designForRow(
  base: Design,
  mapping: BatchMapping,
  table: BatchTable,
  rowIndex: number,
  baseDir: string,
): Promise<Design> {
  const values: [string, string][] = [];
  const cells = rowAssignments(mapping, table.columns, table.rows[rowIndex]!);
  for (const [slot, value] of cells) {
    if (value === '' && slot.slot === REQUIRED_SLOT)
      throw new RowProblem(`「${slot.label}」为空（列「${slot.column}」）`);
    if (value === '' && slot.type !== 'text') continue;
    // An empty cell keeps what the unit's profile filled in; the column overrides it only with a value.
    if (value === '' && filledFromProfile(base, slot.slot)) continue;
    values.push([slot.slot, slot.type === 'image' && !isAbsolute(value) ? resolve(baseDir, value) : value]);
  }
  try {
    return await fillSlots(base, values);
  } catch (err) {
    if (err instanceof StudioError && err.code === 'invalid-design')
      throw new RowProblem(cellProblems(base, cells, err));
    throw err;
  }
}

/**
 * A cell the design's rules refuse (an over-long text or QR content) named as the user finds it:
 * by slot and column, with what is wrong — not by the design's field path (elements[0].text).
 */
function cellProblems(design: Design, cells: [SlotMapping, string][], err: StudioError): string {
  const problems = err.details.map((d) => {
    const m = /^elements\[(\d+)\][^：]*：(.*)$/.exec(d);
    const slotName = m ? design.elements[Number(m[1])]?.slot : undefined;
    const cell = cells.find(([s]) => s.slot === slotName);
    if (!m || !cell) return d;
    const [slot, value] = cell;
    return `「${slot.label}」（列「${slot.column}」）${m[2]}，此格有 ${value.length} 字`;
  });
  return problems.join('；');
}

/** A slot bound to the profile that no longer shows its template sample: the profile filled it. */
function filledFromProfile(design: Design, slot: string): boolean {
  const el = design.elements.find((e) => e.slot === slot);
  return !!el && 'bind' in el && el.bind !== undefined && !isPlaceholder(el);
}

const labelOf = (design: Design, id: string): string => {
  const el: Element | undefined = design.elements.find((e) => e.id === id);
  return el ? nameOf(el) : id;
};

/**
 * Lay a row's design out. Text that cannot fit at its minimum size and characters no font has
 * fail the row: a batch runs unattended, and neither should reach a print shop. Other layout
 * notes (a substituted font) hold for the whole run and are returned once per kind.
 */
export async function sceneForRow(design: Design): Promise<{ scene: Scene; notes: string[] }> {
  const { scene } = buildScene(design, await prepareAssets(design));
  const problems: string[] = [];
  for (const n of scene.notes) {
    if (n.kind === 'overflow') problems.push(`「${labelOf(design, n.elementId)}」的文字太长，缩到最小字号仍放不下`);
    if (n.kind === 'missing-glyph') problems.push(n.message);
  }
  if (problems.length) throw new RowProblem(problems.join('；'));
  return { scene, notes: scene.notes.map((n) => n.message) };
}

/** A row failure's reason from whatever stopped it. */
export function reasonOf(err: unknown): string {
  if (err instanceof RowProblem) return err.message;
  if (err instanceof StudioError) return [err.message, ...err.details].join('；');
  // A bug, not the row's fault: the original goes to the run's onUnexpected hook (the debug log).
  return '生成这一行时出现意外错误；请检查这一行的内容，问题持续时请把表格发给维护人员';
}
