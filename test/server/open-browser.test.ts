import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserCommand, openInBrowser } from '../../main/server/open-browser.js';
import { OUT_DIR } from '../helpers/designs.js';

/* npm start's fallback opens browser mode in the system's browser where there is one, never failing. */
const URL_ = 'http://127.0.0.1:8080/?token=ab12';
const saved = { PATH: process.env.PATH, DISPLAY: process.env.DISPLAY, WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY };
afterEach(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe('opening the system browser', () => {
  it('uses the platform opener, the URL as one argument (no shell)', () => {
    expect(browserCommand(URL_, 'win32')).toEqual(['rundll32', ['url.dll,FileProtocolHandler', URL_]]);
    expect(browserCommand(URL_, 'darwin')).toEqual(['open', [URL_]]);
  });

  it('on Linux needs a display and xdg-open; without them it opens nothing and says so by returning false', async () => {
    delete process.env.DISPLAY;
    delete process.env.WAYLAND_DISPLAY;
    expect(browserCommand(URL_, 'linux')).toBeUndefined();
    if (process.platform === 'linux') expect(await openInBrowser(URL_)).toBe(false);
    process.env.DISPLAY = ':0';
    process.env.PATH = join(OUT_DIR, 'no-such-dir');
    expect(browserCommand(URL_, 'linux')).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('runs xdg-open with the URL when there is a display', async () => {
    const bin = join(OUT_DIR, 'fake-xdg');
    rmSync(bin, { recursive: true, force: true });
    mkdirSync(bin, { recursive: true });
    const seen = join(bin, 'seen.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$*" > '${seen}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    process.env.PATH = bin;
    process.env.DISPLAY = ':0';
    expect(browserCommand(URL_, 'linux')).toEqual([join(bin, 'xdg-open'), [URL_]]);
    expect(await openInBrowser(URL_)).toBe(true);
    await expect.poll(() => readFileSync(seen, 'utf8'), { timeout: 5000 }).toBe(URL_);
  });
});
