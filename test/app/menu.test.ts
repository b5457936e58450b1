import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../main/app/menu.js';

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

describe('application menu', () => {
  const send = vi.fn();
  const items = flat(menuTemplate(send, false));

  it('is in Chinese', () => {
    expect(menuTemplate(send, false).map((m) => m.label)).toEqual(['文件', '编辑', '视图']);
  });

  it('has the shortcuts, each sending its command to the renderer', () => {
    const expected: [string, string, string][] = [
      ['新建', 'CmdOrCtrl+N', 'new'],
      ['打开…', 'CmdOrCtrl+O', 'open'],
      ['保存', 'CmdOrCtrl+S', 'save'],
      ['另存为…', 'CmdOrCtrl+Shift+S', 'save-as'],
      ['导出…', 'CmdOrCtrl+E', 'export'],
      ['撤销', 'CmdOrCtrl+Z', 'undo'],
      ['重做', 'CmdOrCtrl+Shift+Z', 'redo'],
      ['重做', 'CmdOrCtrl+Y', 'redo'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = items.find((i) => i.label === label && i.accelerator === accelerator);
      expect(item, `${label} ${accelerator}`).toBeDefined();
      send.mockClear();
      (item!.click as () => void)();
      expect(send).toHaveBeenCalledWith(command);
    }
  });

  it('no two items share an accelerator', () => {
    const acc = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(acc).size).toBe(acc.length);
  });
});
