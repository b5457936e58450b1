import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL, UPLOAD_CHANNEL, apiChannel, dialogChannel } from '../../main/app/channels.js';
import { contextBridge, ipcRenderer } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

let studio: any;
beforeAll(async () => {
  await import('../../main/app/preload.js');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, any];
  expect(name).toBe('studio');
  studio = api;
});

describe('preload', () => {
  it('exposes only call, the dialog helpers and onCommand (never ipcRenderer)', () => {
    expect(Object.keys(studio).sort()).toEqual([
      'call',
      'onCommand',
      'openDesignFile',
      'saveDesignFile',
      'saveExportFile',
      'showLibraryFolder',
      'upload',
    ]);
    for (const v of Object.values(studio)) expect(typeof v).toBe('function');
  });

  it('call invokes the method channel; names that are not method-shaped are refused in the page', async () => {
    await studio.call('checkSlogan', { text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(apiChannel('checkSlogan'), {
      text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
    });
    // Unknown but method-shaped names reach no handler on the main side (ipc.test.ts lists the channels).
    for (const bad of ['__proto__', '../dialog:openDesignFile', 'a:b', '', 'x'.repeat(65)]) {
      await expect(studio.call(bad, {})).rejects.toThrow(/没有名为/);
    }
    await studio.saveExportFile({ downloadId: 'a'.repeat(32) });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(dialogChannel('saveExportFile'), {
      downloadId: 'a'.repeat(32),
    });
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    await studio.upload('站点.csv', bytes);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(UPLOAD_CHANNEL, { name: '站点.csv', data: bytes });
  });

  it('onCommand passes only the payload and can unsubscribe', () => {
    const seen: unknown[] = [];
    const off = studio.onCommand((c: unknown) => seen.push(c));
    const [channel, wrapped] = ipcRenderer.on.mock.calls.at(-1) as unknown as [
      string,
      (e: unknown, c: unknown) => void,
    ];
    expect(channel).toBe(COMMAND_CHANNEL);
    wrapped({ sender: 'secret' }, { command: 'save' });
    expect(seen).toEqual([{ command: 'save' }]);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(COMMAND_CHANNEL, wrapped);
  });
});

describe('preload bundle (what npm start builds)', () => {
  it('is one CommonJS script that requires only electron, as a sandboxed preload must', async () => {
    const { build } = await import('esbuild');
    const r = await build({
      entryPoints: [new URL('../../main/app/preload.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = r.outputFiles[0]!.text;
    expect([...new Set(code.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code.length).toBeLessThan(10_000); // no zod, no engine
  });
});
