import { describe, expect, it } from 'vitest';
import { COALESCE_MS, History } from '../../renderer/src/data/history.js';

describe('History (undo/redo)', () => {
  it('undoes and redoes steps with their labels', () => {
    const h = new History('a');
    h.push('b', '改为 b', undefined, 0);
    h.push('c', '改为 c', undefined, 10);
    expect(h.undoLabel).toBe('改为 c');
    expect(h.undo()).toBe('b');
    expect(h.redoLabel).toBe('改为 c');
    expect(h.undo()).toBe('a');
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('b');
    expect(h.redo()).toBe('c');
    expect(h.canRedo).toBe(false);
  });

  it('coalesces keystrokes in one field within the window into one step', () => {
    const h = new History('');
    h.push('鲫', '修改「标语」', 'slot:s', 0);
    h.push('鲫鱼', '修改「标语」', 'slot:s', 300);
    h.push('鲫鱼草', '修改「标语」', 'slot:s', 600);
    expect(h.size).toBe(1);
    expect(h.undo()).toBe('');
    expect(h.redo()).toBe('鲫鱼草');
  });

  it('starts a new step after a pause, another field, or an unkeyed edit', () => {
    const h = new History('');
    h.push('a', 'x', 'slot:s', 0);
    h.push('ab', 'x', 'slot:s', COALESCE_MS + 1); // pause
    h.push('ab1', 'y', 'slot:t', COALESCE_MS + 2); // other field
    h.push('ab2', 'z', undefined, COALESCE_MS + 3); // unkeyed
    h.push('ab3', 'z', undefined, COALESCE_MS + 4);
    expect(h.size).toBe(5);
  });

  it('never merges into a step that was undone', () => {
    const h = new History('');
    h.push('a', 'x', 'k', 0);
    h.push('b', 'x', 'k', 100);
    h.undo();
    h.push('c', 'x', 'k', 200);
    expect(h.size).toBe(1);
    expect(h.undo()).toBe('');
    const h2 = new History('');
    h2.push('a', 'x', 'k', 0);
    h2.push('b', 'y', undefined, 10);
    h2.undo();
    h2.push('c', 'x', 'k', 20); // same key as the step below, but after an undo: its own step
    expect(h2.size).toBe(2);
  });

  it('clears redo on a new change', () => {
    const h = new History(0);
    h.push(1, 'one', undefined, 0);
    h.undo();
    expect(h.canRedo).toBe(true);
    h.push(2, 'two', undefined, 5);
    expect(h.canRedo).toBe(false);
    expect(h.present).toBe(2);
  });

  it('ignores a push of the present state', () => {
    const h = new History('a');
    h.push('a', 'nothing', undefined, 0);
    expect(h.canUndo).toBe(false);
  });

  it('is capped, dropping the oldest steps', () => {
    const h = new History(0, 100);
    for (let i = 1; i <= 150; i++) h.push(i, `step ${i}`, undefined, i * 2000);
    expect(h.size).toBe(100);
    let last: number | undefined;
    while (h.canUndo) last = h.undo();
    expect(last).toBe(50);
  });
});
