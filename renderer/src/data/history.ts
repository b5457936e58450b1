/*
 * Undo/redo over immutable snapshots. Every edit makes a new design object and leaves the old one
 * untouched, so a step costs only the parts that changed (embedded images are shared, not copied).
 */

/** Consecutive edits with the same key within this window are one step (typing a word is one undo). */
export const COALESCE_MS = 1000;
export const HISTORY_CAP = 100;

interface Step<T> {
  /** The state on the other side of the step. */
  state: T;
  /** What the step did, as the user sees it in 撤销：… / 重做：… */
  label: string;
}

export class History<T> {
  private readonly undos: Step<T>[] = [];
  private readonly redos: Step<T>[] = [];
  private lastKey: string | undefined;
  private lastAt = -Infinity;

  constructor(
    private current: T,
    private readonly cap = HISTORY_CAP,
  ) {}

  get present(): T {
    return this.current;
  }
  get canUndo(): boolean {
    return this.undos.length > 0;
  }
  get canRedo(): boolean {
    return this.redos.length > 0;
  }
  get undoLabel(): string | undefined {
    return this.undos.at(-1)?.label;
  }
  get redoLabel(): string | undefined {
    return this.redos.at(-1)?.label;
  }
  get size(): number {
    return this.undos.length;
  }

  /**
   * A new state. With a `key` equal to the previous edit's and within COALESCE_MS of it, the new
   * state replaces the present instead of adding a step. Any new edit clears the redo steps.
   */
  push(next: T, label: string, key?: string, now = Date.now()): void {
    if (next === this.current) return;
    const merge = key !== undefined && key === this.lastKey && now - this.lastAt < COALESCE_MS && this.undos.length > 0;
    if (!merge) {
      this.undos.push({ state: this.current, label });
      if (this.undos.length > this.cap) this.undos.splice(0, this.undos.length - this.cap);
    }
    this.redos.length = 0;
    this.current = next;
    this.lastKey = key;
    this.lastAt = now;
  }

  /** The next edit starts a new step even with the same key (after a save: undo can reach the saved state). */
  seal(): void {
    this.lastKey = undefined;
  }

  undo(): T | undefined {
    const step = this.undos.pop();
    if (!step) return undefined;
    this.redos.push({ state: this.current, label: step.label });
    return this.move(step.state);
  }

  redo(): T | undefined {
    const step = this.redos.pop();
    if (!step) return undefined;
    this.undos.push({ state: this.current, label: step.label });
    return this.move(step.state);
  }

  private move(state: T): T {
    this.current = state;
    // Typing after an undo starts a new step, never merges into the one that was undone.
    this.lastKey = undefined;
    return state;
  }
}
