import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The studio in real Chromium through browser mode (issue #5 parts 4–6): gallery → 6 m banner →
 * slogan with live preview and rhyme verdict → preflight → export PDF and PNG. Any request to
 * anything but the studio's own origin is blocked and fails the run.
 * Runs only under test/e2e/vitest.config.ts (npm run test:e2e), which sets STUDIO_E2E.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(import.meta.dirname, '.artifacts');
const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!process.env.STUDIO_E2E)('studio in Chromium (browser mode)', () => {
  let server: ChildProcess;
  let url: URL;
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = spawn(process.execPath, ['dist/main/server/serve.js', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const first = await new Promise<string>((ok, fail) => {
      const rl = createInterface({ input: server.stdout! });
      rl.once('line', ok);
      server.once('exit', (code) => fail(new Error(`server exited (${code}) before printing its URL`)));
    });
    url = new URL(first.trim());
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, acceptDownloads: true, locale: 'zh-CN' });
    page = await context.newPage();
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.origin === url.origin) return route.continue();
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  it('makes a 6 m banner from the gallery to PDF and PNG', async () => {
    // Gallery
    await page.goto(url.href);
    const card = page.locator('button.card[data-template="banner-red-600x70"]');
    await card.waitFor();
    await expect(page.locator('cs-gallery h2').first().textContent()).resolves.toBe('横幅');
    await page.waitForFunction(() => {
      const imgs = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-gallery')!.shadowRoot!.querySelectorAll('img');
      return Array.from(imgs).slice(0, 4).every((i) => i.complete && i.naturalWidth > 0);
    });
    await page.screenshot({ path: resolve(ARTIFACTS, '1-gallery.png') });

    // Editor: the preview arrives as an <img> of a blob: SVG, never inline markup.
    await card.click();
    const slogan = page.locator('cs-slot-form textarea[name="slogan"]');
    await slogan.waitFor();
    const img = page.locator('cs-preview img');
    await img.waitFor();
    const src0 = await img.getAttribute('src');
    expect(src0).toMatch(/^blob:/);
    expect(await page.locator('cs-preview svg').count()).toBe(0);
    const verdict = page.locator('cs-slogan-assistant .tag');
    await expect.poll(() => verdict.textContent()).toBe('同字');

    // Keystroke → preview latency: input-event time in the page to the new image's load event.
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number[]; __loads: number[] };
      w.__keys = [];
      w.__loads = [];
      // Typed CJK text arrives as input events (no keydown): time from the input event.
      document.addEventListener('input', () => w.__keys.push(performance.now()), true);
      document.addEventListener('preview-load', () => w.__loads.push(performance.now()));
    });
    await slogan.fill('');
    await slogan.focus();
    const latencies: number[] = [];
    for (const ch of '鲫鱼草鱼多宝鱼，不做骗子网中鱼') {
      const before = await page.evaluate(() => (window as unknown as { __loads: number[] }).__loads.length);
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => (window as unknown as { __loads: number[] }).__loads.length > n, before);
      const l = await page.evaluate(() => {
        const w = window as unknown as { __keys: number[]; __loads: number[] };
        return w.__loads.at(-1)! - w.__keys.at(-1)!;
      });
      latencies.push(l);
      await page.waitForTimeout(60);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)]!;
    const p90 = latencies[Math.floor(latencies.length * 0.9)]!;
    console.log(`[e2e] keystroke → preview on the 6 m banner: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (n=${latencies.length}, target ≤ 50 ms)`);
    console.log(`[e2e] latency target (median ≤ 50 ms): ${median <= 50 ? 'met' : 'NOT met'}`);
    // A regression guard with headroom for a loaded CI machine; the target is printed above.
    expect(median).toBeLessThanOrEqual(150);
    expect(await img.getAttribute('src')).not.toBe(src0);

    // Rhyme verdict follows the text: 鱼/鱼 same character, then a non-rhyme, then back.
    await expect.poll(() => verdict.textContent()).toBe('同字');
    await slogan.fill('白菜青菜油麦菜、莫给骗子当冤大头');
    await expect.poll(() => verdict.textContent()).toBe('不押韵');
    await page.screenshot({ path: resolve(ARTIFACTS, '2-editor-no-rhyme.png') });
    await slogan.fill('乌鸡土鸡大公鸡、听说转账就挂机');
    await expect.poll(() => verdict.textContent()).toBe('同音');
    await expect.poll(() => page.locator('cs-slogan-assistant #verdict').textContent()).toContain('ji（齐韵）');

    // Suggestions: pick goods and fraud type, insert one.
    await page.locator('cs-slogan-assistant select#goods').selectOption('fish');
    await page.locator('cs-slogan-assistant select#fraud').selectOption('investment');
    await page.locator('cs-slogan-assistant button', { hasText: '推荐标语' }).click();
    const suggestion = page.locator('cs-slogan-assistant button.suggestion').first();
    await suggestion.waitFor();
    const suggested = (await suggestion.locator('span').first().textContent())!;
    await suggestion.click();
    await expect.poll(() => slogan.inputValue()).toBe(suggested);

    // Preflight: a character the font lacks is a finding that names the slot; clicking it focuses
    // the field; fixing the text clears it.
    await slogan.fill('鲫鱼草鱼多宝鱼、不做骗子的网中𠀀');
    const finding = page.locator('cs-preflight-list button.finding[data-code="missing-glyph"]');
    await finding.waitFor();
    expect(await finding.locator('.el').textContent()).toBe('标语');
    await page.locator('cs-editor button.open-export').focus();
    await finding.click();
    expect(await page.evaluate(() => {
      const form = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-editor')!.shadowRoot!.querySelector('cs-slot-form')!;
      return (form.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('name');
    })).toBe('slogan');
    await page.screenshot({ path: resolve(ARTIFACTS, '3-editor-preflight.png') });
    await slogan.fill('鲫鱼草鱼多宝鱼、不做骗子的网中鱼');
    await finding.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('cs-preflight-list .ok').count()).toBe(1);
    await page.screenshot({ path: resolve(ARTIFACTS, '4-editor.png'), fullPage: true });

    // Export PDF, then PNG.
    await page.locator('cs-editor button.open-export').click();
    const dialog = page.locator('cs-export-dialog dialog');
    await dialog.waitFor();
    expect(await page.locator('cs-export-dialog #dpi').inputValue()).toBe('45');
    const exportAs = async (format: 'pdf' | 'png') => {
      await page.locator(`cs-export-dialog input[name="format"][value="${format}"]`).check();
      await page.locator('cs-export-dialog button.start').click();
      const link = page.locator('cs-export-dialog a.download');
      await link.waitFor({ timeout: 60_000 });
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\/download\/[0-9a-f]+\?token=/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const bytes = readFileSync((await download.path())!);
      return { bytes, name: download.suggestedFilename() };
    };
    const pdf = await exportAs('pdf');
    await page.screenshot({ path: resolve(ARTIFACTS, '5-export-done.png') });
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(2000);
    expect(pdf.name).toMatch(/\.pdf$/);
    const png = await exportAs('png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const w = png.bytes.readUInt32BE(16);
    const h = png.bytes.readUInt32BE(20);
    console.log(`[e2e] PDF ${pdf.bytes.length} bytes (${pdf.name}); PNG ${png.bytes.length} bytes, ${w}×${h} px (${png.name})`);
    expect(Math.abs(w - Math.round((6000 / 25.4) * 45))).toBeLessThanOrEqual(1);
    expect(Math.abs(h - Math.round((700 / 25.4) * 45))).toBeLessThanOrEqual(1);

    // Keyboard: Escape closes the dialog.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const js = readFileSync(resolve(ROOT, 'renderer/dist/app.js'));
    console.log(`[e2e] renderer JS ${(js.length / 1024).toFixed(1)} KB, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(1)} KB gzip (budget 300 KB)`);
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(300 * 1024);

    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('keyboard: the gallery is reachable with Tab and has a visible focus ring', async () => {
    await page.goto(url.href);
    await page.locator('button.card').first().waitFor();
    // The header's screen tabs and language switch come first, then the gallery's cards.
    let outline = 'none';
    for (let i = 0; i < 10 && outline === 'none'; i++) {
      await page.keyboard.press('Tab');
      outline = await page.evaluate(() => {
        const g = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-gallery')!.shadowRoot!;
        const a = g.activeElement as HTMLElement | null;
        return a ? getComputedStyle(a).outlineStyle + ' ' + a.className : 'none';
      });
    }
    expect(outline).toMatch(/^solid card/);
    await page.screenshot({ path: resolve(ARTIFACTS, '6-gallery-focus.png') });
    expect(foreign).toEqual([]);
  });
});
