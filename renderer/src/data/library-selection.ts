/**
 * Which samples are selected in the grid, by id (so a selection survives pages coming and going),
 * with the anchor index Shift-click and Shift+arrow extend from. Pure: the grid turns clicks and
 * keys into these calls; ranges over pages not loaded yet get their ids from the main side.
 */
export class GridSelection {
  readonly ids = new Set<string>();
  /** Where a range starts (the last plain or Ctrl click). */
  anchor: number | null = null;

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** A plain click: this one alone. */
  only(index: number, id: string): void {
    this.ids.clear();
    this.ids.add(id);
    this.anchor = index;
  }

  /** Ctrl/⌘-click or Space: this one in or out, the rest kept. */
  toggle(index: number, id: string): void {
    if (this.ids.has(id)) this.ids.delete(id);
    else this.ids.add(id);
    this.anchor = index;
  }

  /**
   * Shift-click: everything from the anchor to here (the ids of that range, in order). With
   * `add` (Ctrl+Shift) the range joins what was selected; otherwise it replaces it.
   */
  range(rangeIds: readonly string[], add = false): void {
    if (!add) this.ids.clear();
    for (const id of rangeIds) this.ids.add(id);
  }

  all(ids: readonly string[]): void {
    this.ids.clear();
    for (const id of ids) this.ids.add(id);
  }

  clear(): void {
    this.ids.clear();
    this.anchor = null;
  }

  /** Forget ids that are gone (trashed, restored, purged). */
  drop(ids: Iterable<string>): void {
    for (const id of ids) this.ids.delete(id);
  }
}

/** The next focused index for a key in a grid of `columns` with `count` items (null: not a moving key). */
export function moveFocus(
  key: string,
  index: number,
  columns: number,
  count: number,
  rowsPerPage: number,
): number | null {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + columns);
    case 'ArrowUp':
      return clamp(index - columns);
    case 'PageDown':
      return clamp(index + columns * rowsPerPage);
    case 'PageUp':
      return clamp(index - columns * rowsPerPage);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
