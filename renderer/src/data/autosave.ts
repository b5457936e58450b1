import type { StudioDesign } from '../../../main/core/design/design.js';

/*
 * Autosave: the session's design, written about a second after the last change, so a crash or a
 * closed tab loses at most that second. The store is IndexedDB (autosave-store.ts); this file is
 * the logic, which tests drive with a store in memory.
 */

export const AUTOSAVE_DELAY_MS = 1000;

export interface AutosaveRecord {
  design: StudioDesign;
  /** Date.now() of the write. */
  savedAt: number;
  /** Changes that are in no file: only then is it offered back at the next start. */
  unsaved: boolean;
}

export interface AutosaveStore {
  read(): Promise<AutosaveRecord | undefined>;
  /** Replaces the record atomically: on failure the previous one must still be there. */
  write(record: AutosaveRecord): Promise<void>;
  clear(): Promise<void>;
}

export interface RecoveryOffer {
  design: StudioDesign;
  name: string;
  minutesAgo: number;
}

/** What to offer at start: the last autosave if it held unsaved changes, else nothing. */
export function recoveryOffer(record: AutosaveRecord | undefined, now = Date.now()): RecoveryOffer | null {
  if (!record?.unsaved) return null;
  return {
    design: record.design,
    name: record.design.name,
    minutesAgo: Math.max(0, Math.round((now - record.savedAt) / 60_000)),
  };
}

/** `at`: when the last write succeeded; 'pending' while newer changes wait for theirs. */
export type AutosaveState = { state: 'idle' | 'pending' | 'saved'; at?: number } | { state: 'error'; message: string };

/**
 * Debounces and serialises writes: one at a time, the latest state wins, and a failed write is
 * reported while the previous record stays in the store.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private next: (() => AutosaveRecord) | undefined;
  private writing: Promise<void> | undefined;
  private lastAt: number | undefined;

  constructor(
    private readonly store: AutosaveStore,
    private readonly onState: (s: AutosaveState) => void = () => {},
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  /** A change: write `snapshot()` once things are quiet for delayMs (or at once with 0). */
  schedule(snapshot: () => AutosaveRecord, delayMs = this.delayMs): void {
    this.next = snapshot;
    // Once per burst of edits, not per keystroke: each state change re-renders the app.
    if (!this.timer) this.onState({ state: 'pending', at: this.lastAt });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  /** Writes what is pending now (page hide, tests); resolves when the store has it. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    const snapshot = this.next;
    if (!snapshot) return;
    this.next = undefined;
    this.writing = this.write(snapshot());
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }

  private async write(record: AutosaveRecord): Promise<void> {
    try {
      await this.store.write(record);
      this.lastAt = record.savedAt;
      // A change may have come in during the write: then we are still pending.
      this.onState({ state: this.next ? 'pending' : 'saved', at: record.savedAt });
    } catch (e) {
      this.onState({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.next = undefined;
  }
}
