import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './channels.js';

/*
 * The application menu, in Chinese. File and edit commands go to the renderer (it owns the
 * design, its undo history and the export dialog); clipboard and view items use Electron roles.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  isMac = process.platform === 'darwin',
): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  return [
    {
      label: '文件',
      submenu: [
        cmd('新建', 'new', 'CmdOrCtrl+N'),
        cmd('打开…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        cmd('保存', 'save', 'CmdOrCtrl+S'),
        cmd('另存为…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd('导出…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { label: isMac ? '退出反诈物料工作室' : '退出', role: 'quit', accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        cmd('撤销', 'undo', 'CmdOrCtrl+Z'),
        cmd('重做', 'redo', 'CmdOrCtrl+Shift+Z'),
        // A second shortcut for redo, as Windows users expect; hidden so the menu shows one line.
        { ...cmd('重做', 'redo', 'CmdOrCtrl+Y'), visible: false, acceleratorWorksWhenHidden: true },
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
  ];
}
