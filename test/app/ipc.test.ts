import { afterAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, resultSchema } from '../../main/core/api.js';
import { DIALOG_NAMES, UPLOAD_CHANNEL, apiChannel, dialogChannel } from '../../main/app/channels.js';
import { bindIpc, trustedSender } from '../../main/app/ipc.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { testContext } from '../helpers/context.js';
import { design, textEl } from '../helpers/designs.js';
import { eventFrom } from './electron-mock.js';

const ctx = testContext();
const { logged } = ctx;
afterAll(() => ctx.dispose());

const channels = new Map<string, (event: unknown, input?: unknown) => Promise<any>>();
const dialogs = {
  openDesignFile: vi.fn(async () => ({ canceled: true as const })),
  saveDesignFile: vi.fn(async () => ({ canceled: true as const })),
  saveExportFile: vi.fn(async () => ({ canceled: true as const })),
  showLibraryFolder: vi.fn(async () => ({ canceled: true as const })),
};
bindIpc(
  { handle: (c: string, h: any) => void channels.set(c, h) } as any,
  createHandlers(ctx),
  dialogs,
  (m) => logged.push(m),
  ctx.uploads,
);

const GOOD = eventFrom('app://studio/index.html');
const WRONG = [
  eventFrom('https://evil.example/'),
  eventFrom('http://127.0.0.1:5173/'),
  eventFrom('file:///home/user/x.html'),
  eventFrom('app://evil/index.html'),
  eventFrom('app://studio/index.html', { url: 'app://studio/' }), // a subframe
  { senderFrame: null },
];
const SLOGAN = '白菜青菜油麦菜、莫给骗子当韭菜';
const small = () =>
  design({
    name: '小样',
    format: { widthMm: 60, heightMm: 40, dpi: 72 },
    elements: [textEl({ text: SLOGAN, box: { x: 2, y: 2, w: 56, h: 36 } })],
  });
const call = (channel: string, event: unknown, input?: unknown) => channels.get(channel)!(event, input);

describe('IPC binding', () => {
  it('covers every API method and dialog, one channel each', () => {
    expect([...channels.keys()].sort()).toEqual(
      [...API_METHODS.map(apiChannel), ...DIALOG_NAMES.map(dialogChannel), UPLOAD_CHANNEL].sort(),
    );
  });

  it('trustedSender: only the top frame of app://studio', () => {
    expect(trustedSender(GOOD as any)).toBe(true);
    for (const e of WRONG) expect(trustedSender(e as any)).toBe(false);
  });

  it('every handler refuses a wrong sender before looking at the input', async () => {
    for (const channel of channels.keys()) {
      for (const e of WRONG) {
        const r = await call(channel, e, { text: SLOGAN });
        expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      }
    }
    expect(dialogs.openDesignFile).not.toHaveBeenCalled();
  });

  it('every handler rejects a bad input with a Chinese message', async () => {
    for (const channel of channels.keys()) {
      const r = await call(channel, GOOD, { bogus: 1, text: 42 });
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(r.error.message).toMatch(/\p{Script=Han}/u);
    }
    for (const bad of [null, 'text', 7, []]) expect((await call(apiChannel('checkSlogan'), GOOD, bad)).ok).toBe(false);
  });

  it('names the bad field by its path', async () => {
    const r1 = await call(apiChannel('checkSlogan'), GOOD, { text: 5 });
    expect(r1.error.details.join('\n')).toMatch(/^text：/m);
    const d = small() as any;
    d.elements[0].box.w = -3;
    const r2 = await call(apiChannel('previewSvg'), GOOD, { design: d });
    expect(r2.ok).toBe(false);
    expect(r2.error.details.join('\n')).toMatch(/design\.elements\[0\]\.box\.w/);
    const r3 = await call(dialogChannel('saveExportFile'), GOOD, { downloadId: '../../etc/passwd' });
    expect(r3.error.details.join('\n')).toMatch(/^downloadId：/m);
    const r4 = await call(dialogChannel('saveDesignFile'), GOOD, { text: '{}', suggestedName: 'a/b' });
    expect(r4.error.details.join('\n')).toMatch(/^suggestedName：/m);
  });

  it('answers good inputs through the same handlers as browser mode', async () => {
    const r = await call(apiChannel('checkSlogan'), GOOD, { text: SLOGAN });
    expect(resultSchema('checkSlogan').parse(r)).toMatchObject({
      ok: true,
      value: { halves: ['白菜青菜油麦菜', '莫给骗子当韭菜'] },
    });
    const p = await call(apiChannel('previewSvg'), GOOD, { design: small() });
    expect(p.ok).toBe(true);
    expect(p.value.layers[0].svg).toMatch(/^<svg/);
    const t = await call(apiChannel('listTemplates'), GOOD, {});
    expect(t.ok && t.value.length).toBeGreaterThan(0);
    const o = await call(dialogChannel('openDesignFile'), GOOD, {});
    expect(o).toEqual({ ok: true, value: { canceled: true } });
  });

  it('upload: sender checked, input parsed, bytes stored', async () => {
    for (const e of WRONG)
      expect(await call(UPLOAD_CHANNEL, e, { name: 'a.csv', data: new Uint8Array([1]) })).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    const bad = await call(UPLOAD_CHANNEL, GOOD, { name: 'a.csv', data: 'not bytes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(bad.error.details.join()).toMatch(/data/);
    const good = await call(UPLOAD_CHANNEL, GOOD, { name: '名单.csv', data: new Uint8Array([65, 66]).buffer });
    expect(good).toMatchObject({ ok: true, value: { name: '名单.csv', bytes: 2 } });
    expect(ctx.uploads.get(good.value.uploadId).bytes).toBe(2);
  });

  it('a dialog that throws crosses as an error envelope, not a rejection', async () => {
    dialogs.saveExportFile.mockRejectedValueOnce(new Error('disk on fire'));
    const r = await call(dialogChannel('saveExportFile'), GOOD, { downloadId: 'a'.repeat(32) });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(r.error.message).not.toMatch(/disk on fire/);
  });
});
