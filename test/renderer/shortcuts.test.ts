import { describe, expect, it } from 'vitest';
import { historyInput, shortcutOf } from '../../renderer/src/data/shortcuts.js';

const key = (code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: code.replace(/^Key/, '').toLowerCase(),
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('maps the menu accelerators', () => {
    expect(shortcutOf(key('KeyZ', { ctrlKey: true }))).toBe('undo');
    expect(shortcutOf(key('KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(key('KeyY', { ctrlKey: true }))).toBe('redo');
    expect(shortcutOf(key('KeyS', { ctrlKey: true }))).toBe('save');
    expect(shortcutOf(key('KeyS', { ctrlKey: true, shiftKey: true }))).toBe('save-as');
    expect(shortcutOf(key('KeyO', { ctrlKey: true }))).toBe('open');
    expect(shortcutOf(key('KeyE', { ctrlKey: true }))).toBe('export');
    expect(shortcutOf(key('KeyZ', { metaKey: true }), true)).toBe('undo');
  });

  it('leaves other keys alone', () => {
    expect(shortcutOf(key('KeyZ'))).toBeNull();
    expect(shortcutOf(key('KeyZ', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyN', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyC', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyZ', { metaKey: true }))).toBeNull();
  });

  it('uses the physical key, so an IME or another layout does not matter', () => {
    expect(shortcutOf({ ...key('KeyZ', { ctrlKey: true }), key: 'Process' })).toBe('undo');
  });

  it('maps a native field undo to the history', () => {
    expect(historyInput('historyUndo')).toBe('undo');
    expect(historyInput('historyRedo')).toBe('redo');
    expect(historyInput('insertText')).toBeNull();
  });
});
