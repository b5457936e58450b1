import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProtocolHandler, PRIVILEGED_SCHEME } from '../../main/app/protocol.js';
import { createResources } from '../../main/server/resources.js';
import { resolveInside } from '../../main/server/static.js';
import { testContext } from '../helpers/context.js';

const base = mkdtempSync(join(tmpdir(), 'studio-proto-'));
const root = join(base, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(base, 'secret.txt'), 'top secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const tctx = testContext();
afterAll(() => tctx.dispose());
const resources = createResources(tctx);
const handler = createProtocolHandler(root, resources);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a privileged standard, secure scheme', () => {
    expect(PRIVILEGED_SCHEME).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('serves the renderer with the CSP header and no inline script', async () => {
    const r = await get('app://studio/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('<title>t</title>');
    const js = await get('app://studio/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBeTruthy();
  });

  it('refuses path traversal, encoded or not', async () => {
    for (const p of [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/index.html%00.png',
      '/%E0%A4%A',
    ]) {
      const r = await get(`app://studio${p}`);
      // 403 where our check refuses it; 404 where the URL parser already folded %2e%2e away (inside the root).
      expect([403, 404], p).toContain(r.status);
      expect(await r.text()).not.toContain('top secret');
    }
    expect((await get('app://studio/..%2fsecret.txt')).status).toBe(403);
    expect(resolveInside(root, '/../secret.txt')).toBeUndefined();
    expect(resolveInside(root, '/..%2F..%2Fsecret.txt')).toBeUndefined();
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('answers 404 for an unknown file, another host, 405 for POST', async () => {
    const r = await get('app://studio/nope.js');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-security-policy')).toBeTruthy();
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://studio/index.html', 'POST')).status).toBe(405);
  });

  it('serves template thumbnails, 404 for an unknown one', async () => {
    const ok = await get('app://studio/thumbnails/sticker-round-red-40.png');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect((await get('app://studio/thumbnails/nope-nope.png')).status).toBe(404);
  });

  it('says in Chinese when the renderer is not built', async () => {
    const h = createProtocolHandler(join(base, 'missing'));
    const r = await h(new Request('app://studio/'));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('界面尚未编译');
    expect((await h(new Request('app://studio/app.js'))).status).toBe(404);
  });
});
