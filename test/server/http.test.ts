import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioServer, type StudioServer } from '../../main/server/http.js';
import { design, OUT_DIR, textEl } from '../helpers/designs.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { api, request, waitJob } from './http-client.js';

const SLOGAN = '乌鸡土鸡大公鸡、听说转账就挂机';
const small = () =>
  design({
    name: '挂机海报',
    format: { widthMm: 100, heightMm: 70, dpi: 72, bleedMm: 3, cropMarks: true },
    elements: [textEl({ text: SLOGAN, box: { x: 5, y: 5, w: 90, h: 60 } })],
  });

let s: StudioServer;
const staticDir = join(OUT_DIR, 'server-static');

beforeAll(async () => {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>studio</title><script src="app.js"></script>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  s = await startStudioServer({ staticDir, jobs: { workerFile: null, budget: 1 }, log: () => undefined });
});
afterAll(() => s.close());

describe('browser-mode HTTP server', () => {
  it('listens on 127.0.0.1 and prints a URL with a 32-byte token', () => {
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[0-9a-f]{64}$`));
    expect((s.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('refuses an API request without the token, or with a wrong one (401)', async () => {
    const body = JSON.stringify({ text: SLOGAN });
    const none = await request(s.port, '/api/checkSlogan', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(none.status).toBe(401);
    expect(none.json().error.message).toMatch(/令牌/);
    const wrong = await request(s.port, '/api/checkSlogan', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-studio-token': 'a'.repeat(64) },
      body,
    });
    expect(wrong.status).toBe(401);
    expect((await request(s.port, '/thumbnails/poster-a2-red.png')).status).toBe(401);
    expect((await request(s.port, `/download/${'a'.repeat(32)}`)).status).toBe(401);
  });

  it('refuses a foreign Host header (403), token or not', async () => {
    for (const host of ['evil.example:' + s.port, `127.0.0.1:${s.port + 1}`, 'localhost', 'LOCALHOST.:' + s.port]) {
      const r = await request(s.port, `/api/listFormats?token=${s.token}`, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status).toBe(403);
    }
    expect((await request(s.port, '/', { headers: { host: 'rebind.attacker.test' } })).status).toBe(403);
    const ok = await request(s.port, `/api/listFormats?token=${s.token}`, {
      method: 'POST',
      headers: { host: `localhost:${s.port}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    const cross = await request(s.port, `/api/listFormats?token=${s.token}`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
  });

  it('sends CSP, nosniff and no-referrer on every response, and serves the built renderer', async () => {
    for (const r of [await request(s.port, '/'), await request(s.port, '/app.js'), await request(s.port, '/api/x')]) {
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(r.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    const index = await request(s.port, '/');
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.body.toString()).toContain('studio');
    expect((await request(s.port, '/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await request(s.port, '/../../package.json')).status).toBe(404);
    expect((await request(s.port, '/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it('shows a Chinese page when the renderer is not built', async () => {
    const bare = await startStudioServer({
      staticDir: join(OUT_DIR, 'no-such-renderer'),
      jobs: { workerFile: null },
      log: () => undefined,
    });
    try {
      const r = await request(bare.port, '/');
      expect(r.status).toBe(200);
      expect(r.body.toString()).toContain('界面尚未编译');
      expect(r.body.toString()).not.toMatch(/<script|style=/);
    } finally {
      await bare.close();
    }
  });

  it('rejects wrong verbs, types, bodies and methods', async () => {
    const h = { 'x-studio-token': s.token };
    expect((await request(s.port, '/api/checkSlogan', { headers: h })).status).toBe(405);
    expect(
      (
        await request(s.port, '/api/checkSlogan', {
          method: 'POST',
          headers: { ...h, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await request(s.port, '/api/checkSlogan', {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: '{nope',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(s.port, '/api/hack', {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(404);
    const big = await request(s.port, '/api/checkSlogan', {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(100_000) }),
    });
    expect(big.status).toBe(413);
    const badInput = await api(s.port, s.token, 'checkSlogan', { text: 7 });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(badInput.error.message).toContain('text');
  });

  it('round trip: checkSlogan and previewSvg', async () => {
    const c = await api(s.port, s.token, 'checkSlogan', { text: SLOGAN });
    expect(c).toMatchObject({ ok: true, value: { rhyme: 'homophone', form: '7+7' } });
    const p = await api(s.port, s.token, 'previewSvg', { design: small() });
    expect(p.ok).toBe(true);
    const svg = p.value.layers[0].svg;
    expect(svg).toMatch(/viewBox="0 0 100 70"/);
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect((await sharp(png).metadata()).format).toBe('png');
  });

  it('serves template thumbnails drawn by the engine', async () => {
    const list = await api(s.port, s.token, 'listTemplates', {});
    const t = list.value.find((x: any) => x.id === 'sticker-round-red-40');
    const r = await request(s.port, `${t.thumbnail}?token=${s.token}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(await sharp(r.body).metadata()).toMatchObject({ width: 360, format: 'png' });
    expect((await request(s.port, `/thumbnails/no-such.png?token=${s.token}`)).status).toBe(404);
  });

  it('exports a PNG and a PDF: poll the job, download the file, read it back', async () => {
    const png = await api(s.port, s.token, 'exportDesign', { design: small(), format: 'png', dpi: 100 });
    const pdf = await api(s.port, s.token, 'exportDesign', { design: small(), format: 'pdf', cmyk: true });
    const ps = await waitJob(s.port, s.token, png.value.jobId);
    expect(ps).toMatchObject({ state: 'done', progress: 1, fileName: '挂机海报.png' });
    const dl = await request(s.port, `/download/${ps.downloadId}?token=${s.token}`);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('挂机海报.png')}`);
    const meta = await sharp(dl.body).metadata();
    expect(meta).toMatchObject({ format: 'png', width: Math.ceil((100 / 25.4) * 100), density: 100 });

    const fs = await waitJob(s.port, s.token, pdf.value.jobId);
    expect(fs.state).toBe('done');
    const body = (await request(s.port, `/download/${fs.downloadId}?token=${s.token}`)).body;
    const doc = PdfReader.open(new Uint8Array(body));
    expect(doc.pageCount).toBe(1);
    expect(doc.sizeMm(0).w).toBeGreaterThan(100);
    expect(doc.text(0).replace(/\s/g, '')).toContain('乌鸡土鸡大公鸡');
    doc.close();
    expect((await request(s.port, `/download/${'0'.repeat(32)}?token=${s.token}`)).status).toBe(404);
  });

  it('cancels a running and a queued export, leaving no file', async () => {
    const banner = (await api(s.port, s.token, 'getTemplate', { id: 'banner-red-1000x100' })).value;
    const long = await api(s.port, s.token, 'exportDesign', { design: banner, format: 'png', dpi: 120 });
    const queued = await api(s.port, s.token, 'exportDesign', { design: small(), format: 'png' });
    expect((await api(s.port, s.token, 'jobStatus', queued.value)).value.state).toBe('queued');
    expect((await api(s.port, s.token, 'cancelJob', queued.value)).value).toEqual({ cancelled: true });
    expect((await api(s.port, s.token, 'jobStatus', queued.value)).value.state).toBe('cancelled');
    // Let the long one get going, then stop it between strips.
    for (let i = 0; i < 200 && (await api(s.port, s.token, 'jobStatus', long.value)).value.progress === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect((await api(s.port, s.token, 'cancelJob', long.value)).value).toEqual({ cancelled: true });
    const st = await waitJob(s.port, s.token, long.value.jobId);
    expect(st.state).toBe('cancelled');
    expect(readdirSync(s.jobs.folder)).not.toContain(long.value.jobId);
    expect(readdirSync(s.jobs.folder)).not.toContain(queued.value.jobId);
  });
});
