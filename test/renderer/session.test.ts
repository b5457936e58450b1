import { describe, expect, it } from 'vitest';
import type { StudioDesign as Design } from '../../main/core/index.js';
import { DesignSession } from '../../renderer/src/data/session.js';

const design = (name: string) => ({ name, elements: [] }) as unknown as Design;

describe('DesignSession', () => {
  it('is clean when opened, dirty after an edit, clean again when undone to the saved state', () => {
    const a = design('a');
    const s = new DesignSession(a);
    let changes = 0;
    s.addEventListener('change', () => changes++);
    expect(s.dirty).toBe(false);
    s.apply(design('b'), '改名');
    expect(s.dirty).toBe(true);
    expect(s.undoLabel).toBe('改名');
    s.undo();
    expect(s.design).toBe(a);
    expect(s.dirty).toBe(false);
    s.redo();
    expect(s.dirty).toBe(true);
    expect(changes).toBe(3);
  });

  it('a recovered design starts unsaved; saving marks the saved design and keeps the path', () => {
    const s = new DesignSession(design('r'), { saved: false });
    expect(s.dirty).toBe(true);
    const written = s.design;
    s.markSaved(written, '/tmp/x.json');
    expect(s.dirty).toBe(false);
    expect(s.filePath).toBe('/tmp/x.json');
    s.markSaved(written);
    expect(s.filePath).toBe('/tmp/x.json');
  });

  it('an edit made while a save was running stays unsaved', () => {
    const s = new DesignSession(design('a'));
    s.apply(design('b'), 'x');
    const written = s.design;
    s.apply(design('c'), 'y');
    s.markSaved(written);
    expect(s.dirty).toBe(true);
  });

  it('typing after a save is its own undo step, so undo returns to the saved text', () => {
    const s = new DesignSession(design(''));
    s.apply(design('鲫'), '修改「标语」', 'slot:s', 0);
    s.markSaved(s.design);
    s.apply(design('鲫鱼'), '修改「标语」', 'slot:s', 100);
    s.undo();
    expect(s.design.name).toBe('鲫');
    expect(s.dirty).toBe(false);
  });

  it('undo with nothing to undo changes nothing and fires nothing', () => {
    const s = new DesignSession(design('a'));
    let changes = 0;
    s.addEventListener('change', () => changes++);
    expect(s.undo()).toBe(false);
    expect(s.redo()).toBe(false);
    expect(changes).toBe(0);
  });
});
