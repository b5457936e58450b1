import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudioDesign as Design } from '../../main/core/index.js';
import {
  Autosaver,
  recoveryOffer,
  type AutosaveRecord,
  type AutosaveState,
  type AutosaveStore,
} from '../../renderer/src/data/autosave.js';

const design = (name: string) => ({ name, elements: [] }) as unknown as Design;
const record = (name: string, unsaved = true, savedAt = 0): AutosaveRecord => ({
  design: design(name),
  unsaved,
  savedAt,
});

/** A store in memory whose writes can be made to fail, like a full disk. */
function memoryStore() {
  const s = { record: undefined as AutosaveRecord | undefined, writes: 0, fail: false };
  const store: AutosaveStore = {
    read: async () => s.record,
    write: async (r) => {
      s.writes++;
      await Promise.resolve();
      if (s.fail) throw new Error('磁盘已满');
      s.record = r;
    },
    clear: async () => void (s.record = undefined),
  };
  return { s, store };
}

describe('recoveryOffer', () => {
  it('offers only a record with unsaved changes, with minutes since it was written', () => {
    expect(recoveryOffer(undefined)).toBeNull();
    expect(recoveryOffer(record('a', false))).toBeNull();
    const o = recoveryOffer(record('横幅', true, 0), 5 * 60_000 + 20_000)!;
    expect(o.name).toBe('横幅');
    expect(o.minutesAgo).toBe(5);
    expect(recoveryOffer(record('x', true, 1000), 0)!.minutesAgo).toBe(0); // clock moved back
  });
});

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces: one write a second after the last change, with the latest design', async () => {
    const { s, store } = memoryStore();
    const a = new Autosaver(store, undefined, 1000);
    for (const n of ['a', 'ab', 'abc']) {
      a.schedule(() => record(n));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(s.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.writes).toBe(1);
    expect(s.record?.design.name).toBe('abc');
  });

  it('keeps the previous record when a write fails and reports the error', async () => {
    const { s, store } = memoryStore();
    const states: AutosaveState[] = [];
    const a = new Autosaver(store, (st) => states.push(st), 1000);
    a.schedule(() => record('good'));
    await a.flush();
    s.fail = true;
    a.schedule(() => record('bad'));
    await a.flush();
    expect(s.record?.design.name).toBe('good');
    expect(states.at(-1)).toEqual({ state: 'error', message: '磁盘已满' });
    s.fail = false;
    a.schedule(() => record('again'));
    await a.flush();
    expect(s.record?.design.name).toBe('again');
    expect(states.at(-1)?.state).toBe('saved');
  });

  it('serialises writes: a change during a write is written after it, last one wins', async () => {
    const { s, store } = memoryStore();
    const a = new Autosaver(store, undefined, 0);
    a.schedule(() => record('1'));
    const first = a.flush();
    a.schedule(() => record('2'));
    a.schedule(() => record('3'));
    await first;
    await a.flush();
    expect(s.record?.design.name).toBe('3');
    expect(s.writes).toBe(2);
  });

  it('dispose drops a pending write', async () => {
    const { s, store } = memoryStore();
    const a = new Autosaver(store, undefined, 1000);
    a.schedule(() => record('x'));
    a.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.writes).toBe(0);
  });
});
