import type { StudioDesign } from '../../../main/core/design/design.js';
import { History } from './history.js';

/*
 * The design being worked on, above any one screen: the editor comes and goes as the user switches
 * tabs, the session (its undo history, its file, whether it is saved) stays with the app.
 */

export interface SessionOrigin {
  /** The desktop file it was opened from or last saved to (保存 writes there without asking). */
  filePath?: string;
  /** False for a design that exists nowhere but here (a recovered autosave): it starts unsaved. */
  saved?: boolean;
  /** A new design (from a template, the library, a batch): nothing to lose yet, but in no file either. */
  fresh?: boolean;
  /** Reopened from the recent designs: keep its place there. */
  recentId?: string;
}

/** Fires `change` after every edit, undo, redo or save. */
export class DesignSession extends EventTarget {
  private readonly history: History<StudioDesign>;
  /** The design as it was last written to a file or opened (dirty = anything else). */
  private savedDesign: StudioDesign | null;
  filePath: string | undefined;
  /** Never saved to a file: the editor says 新设计 rather than 已保存, and 保存 asks for a name. */
  isNew: boolean;
  /** Its place among the recent designs. */
  readonly id: string;

  constructor(design: StudioDesign, origin: SessionOrigin = {}) {
    super();
    this.history = new History(design);
    this.savedDesign = origin.saved === false ? null : design;
    this.filePath = origin.filePath;
    this.isNew = origin.fresh ?? false;
    this.id = origin.recentId ?? crypto.randomUUID();
  }

  get design(): StudioDesign {
    return this.history.present;
  }
  /** Unsaved changes; undoing back to the saved state makes it clean again. */
  get dirty(): boolean {
    return this.design !== this.savedDesign;
  }
  get canUndo(): boolean {
    return this.history.canUndo;
  }
  get canRedo(): boolean {
    return this.history.canRedo;
  }
  get undoLabel(): string | undefined {
    return this.history.undoLabel;
  }
  get redoLabel(): string | undefined {
    return this.history.redoLabel;
  }

  /** An edit; `key` merges quick consecutive edits of the same thing (keystrokes in one field). */
  apply(design: StudioDesign, label: string, key?: string, now?: number): void {
    if (design === this.design) return;
    this.history.push(design, label, key, now);
    this.changed();
  }

  undo(): boolean {
    return this.history.undo() !== undefined && this.changed();
  }

  redo(): boolean {
    return this.history.redo() !== undefined && this.changed();
  }

  /** The given design (what was written, the user may have typed on since) is now on disk. */
  markSaved(design: StudioDesign, filePath?: string): void {
    this.savedDesign = design;
    this.isNew = false;
    this.history.seal();
    if (filePath !== undefined) this.filePath = filePath;
    this.changed();
  }

  private changed(): true {
    this.dispatchEvent(new Event('change'));
    return true;
  }
}
