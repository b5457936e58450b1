import type { MenuCommand } from '../../../main/core/bridge.js';

type Keys = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Browser mode's keyboard shortcuts, the same as the desktop menu's accelerators (main/app/menu.ts);
 * in the desktop app the menu handles them. Ctrl+N is the browser's (new window), not ours.
 */
export function shortcutOf(e: Keys, mac = false): MenuCommand | null {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return null;
  // `code` keeps shortcuts working with a Chinese IME or a non-QWERTY layout.
  const k = e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  if (k === 's') return e.shiftKey ? 'save-as' : 'save';
  if (k === 'o' && !e.shiftKey) return 'open';
  if (k === 'e' && !e.shiftKey) return 'export';
  return null;
}

/** A native text-field undo/redo (the field's own, or its context menu): what our history should do instead. */
export function historyInput(inputType: string): 'undo' | 'redo' | null {
  return inputType === 'historyUndo' ? 'undo' : inputType === 'historyRedo' ? 'redo' : null;
}
