import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { api } from './http-client.js';

/* `npm run serve` as a user runs it: its entry, bundled from the sources by the test set-up (never a stale dist/). */
const SERVE = inject('serveFile');
const cache = mkdtempSync(join(tmpdir(), 'studio-serve-cache-'));
const env = { ...process.env, XDG_CACHE_HOME: cache, LOCALAPPDATA: cache };
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('npm run serve', () => {
  it('prints the URL with its token as the first line, then answers on it', async () => {
    const child = spawn(process.execPath, [SERVE, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    try {
      const first = await new Promise<string>((done, fail) => {
        let buf = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          buf += d;
          if (buf.includes('\n')) done(buf.split('\n')[0]!);
        });
        child.on('exit', (code) => fail(new Error(`exited ${code}`)));
      });
      const m = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/.exec(first);
      expect(m).not.toBeNull();
      const r = await api(Number(m![1]), m![2]!, 'checkSlogan', { text: '白菜青菜油麦菜、莫给骗子当韭菜' });
      expect(r).toMatchObject({ ok: true, value: { rhyme: 'same-character' } });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a bad --port', async () => {
    const child = spawn(process.execPath, [SERVE, '--port', 'abc'], { stdio: 'ignore', env });
    expect(await new Promise((r) => child.on('exit', r))).toBe(2);
  });
});
