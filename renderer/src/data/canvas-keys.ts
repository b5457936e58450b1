import type { StackMove } from '../../../main/core/design/arrange.js';

/*
 * The canvas's keys, when it has the focus: arrows nudge the selection 1 mm (Shift: 10 mm), Tab
 * walks through the elements, Delete removes, Enter edits a text or crops a photo, Escape steps
 * back, Ctrl+D duplicates, Ctrl+A selects all, Ctrl+] / Ctrl+[ change the stacking order (with
 * Shift: to the front or back), Ctrl +/−/0/1 zoom.
 */

export type CanvasAction =
  | { do: 'nudge'; dx: number; dy: number }
  | { do: 'delete' }
  | { do: 'cycle'; dir: 1 | -1 }
  | { do: 'escape' }
  | { do: 'enter' }
  | { do: 'duplicate' }
  | { do: 'all' }
  | { do: 'order'; how: StackMove }
  | { do: 'zoom'; to: 'in' | 'out' | 'fit' | 'actual' };

type Keys = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function canvasAction(e: Keys, mac = false): CanvasAction | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (e.altKey) return null;
  const arrow = ARROWS[e.key];
  if (arrow && !mod) {
    const step = e.shiftKey ? 10 : 1;
    return { do: 'nudge', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  if (!mod) {
    if (e.key === 'Delete' || e.key === 'Backspace') return { do: 'delete' };
    if (e.key === 'Tab') return { do: 'cycle', dir: e.shiftKey ? -1 : 1 };
    if (e.key === 'Escape') return { do: 'escape' };
    if (e.key === 'Enter') return { do: 'enter' };
    return null;
  }
  const k = e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key;
  if (k === 'd') return { do: 'duplicate' };
  if (k === 'a') return { do: 'all' };
  if (e.code === 'BracketRight') return { do: 'order', how: e.shiftKey ? 'front' : 'forward' };
  if (e.code === 'BracketLeft') return { do: 'order', how: e.shiftKey ? 'back' : 'backward' };
  if (e.key === '+' || e.key === '=') return { do: 'zoom', to: 'in' };
  if (e.key === '-' || e.key === '_') return { do: 'zoom', to: 'out' };
  if (e.key === '0') return { do: 'zoom', to: 'fit' };
  if (e.key === '1') return { do: 'zoom', to: 'actual' };
  return null;
}
