import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noisyPhoto } from '../helpers/photos.js';
import { ARTIFACTS, ROOT, keystrokeLatencies, startStudio, type Studio } from './harness.js';

/*
 * The studio in real Chromium through browser mode (issue #5 parts 3–6): gallery → 6 m banner →
 * slogan with live preview and rhyme verdict → preflight → export PDF and PNG; undo/redo, design
 * files, autosave and recovery, publish to the library, the English switch. Any request to
 * anything but the studio's own origin is blocked and fails the run.
 * Runs only under test/e2e/vitest.config.ts (npm run test:e2e), which sets STUDIO_E2E.
 */
const BANNER = 'button.card[data-template="banner-red-600x70"]';
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: resolve(ARTIFACTS, name), fullPage });

describe.skipIf(!process.env.STUDIO_E2E)('studio in Chromium (browser mode)', () => {
  let studio: Studio;

  beforeAll(async () => {
    studio = await startStudio();
    expect(studio.url.hostname).toBe('127.0.0.1');
    expect(studio.url.searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
  });

  afterAll(async () => {
    expect(studio.foreign).toEqual([]);
    expect(studio.pageErrors).toEqual([]);
    await studio?.close();
  });

  /** A fresh page on the 6 m banner's editor. */
  async function openBanner(locale?: string) {
    const { page, context } = await studio.newPage(locale);
    await page.goto(studio.url.href);
    await page.locator(BANNER).click();
    const slogan = page.locator('cs-slot-form textarea[name="slogan"]');
    await slogan.waitFor();
    await page.locator('cs-preview img.layer').first().waitFor();
    return { page, context, slogan };
  }

  it('makes a 6 m banner from the gallery to PDF and PNG', async () => {
    const { page } = await studio.newPage();
    // Gallery
    await page.goto(studio.url.href);
    const card = page.locator(BANNER);
    await card.waitFor();
    await expect(page.locator('cs-gallery section h2[id^="kind-"]').first().textContent()).resolves.toBe('横幅');
    await page.waitForFunction(() => {
      const imgs = document
        .querySelector('cs-app')!
        .shadowRoot!.querySelector('cs-gallery')!
        .shadowRoot!.querySelectorAll('img');
      return Array.from(imgs)
        .slice(0, 4)
        .every((i) => i.complete && i.naturalWidth > 0);
    });
    await shot(page, '1-gallery.png');

    // Editor: the preview arrives as an <img> of a data: URL of its SVG (image mode: no scripts, no
    // loads), never inline markup.
    await card.click();
    const slogan = page.locator('cs-slot-form textarea[name="slogan"]');
    await slogan.waitFor();
    // One layer per element: the slogan's is the one typing changes.
    const img = page.locator('cs-preview img.layer[data-layer="slogan"]');
    await img.waitFor();
    const src0 = await img.getAttribute('src');
    expect(src0).toMatch(/^data:image\/svg\+xml;/);
    expect(await page.locator('cs-preview svg').count()).toBe(0);
    const verdict = page.locator('cs-slogan-assistant .tag');
    await expect.poll(() => verdict.textContent()).toBe('同字');

    // Keystroke → preview latency: input-event time in the page to the new preview on screen.
    const typed = '鲫鱼草鱼多宝鱼，不做骗子网中鱼。白菜青菜油麦菜，莫给骗子当冤大头';
    const { latencies, median } = await keystrokeLatencies(page, slogan, typed, 'the 6 m banner');
    expect(latencies.length).toBeGreaterThanOrEqual(30);
    // A regression guard that holds on a loaded 2-core machine (a raster per keystroke would take
    // seconds); the target is printed above, p90 and the strict figures are the benchmark's.
    expect(median).toBeLessThanOrEqual(500);
    expect(await img.getAttribute('src')).not.toBe(src0);

    // Rhyme verdict follows the text.
    await slogan.fill('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    await expect.poll(() => verdict.textContent()).toBe('同字');
    await slogan.fill('白菜青菜油麦菜、莫给骗子当冤大头');
    await expect.poll(() => verdict.textContent()).toBe('不押韵');
    await shot(page, '2-editor-no-rhyme.png');
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
    await page.locator('cs-editor button.tab[data-tab="check"]').click();
    const finding = page.locator('cs-editor .pane button.finding[data-code="missing-glyph"]');
    await finding.waitFor();
    expect(await finding.locator('.el').textContent()).toBe('标语');
    await page.locator('cs-editor button.open-export').focus();
    await finding.click();
    expect(
      await page.evaluate(() => {
        const form = document
          .querySelector('cs-app')!
          .shadowRoot!.querySelector('cs-editor')!
          .shadowRoot!.querySelector('cs-slot-form')!;
        return (form.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('name');
      }),
    ).toBe('slogan');
    await shot(page, '3-editor-preflight.png');
    await slogan.fill('鲫鱼草鱼多宝鱼、不做骗子的网中鱼');
    await page.locator('cs-editor button.tab[data-tab="check"]').click();
    await expect.poll(() => page.locator('cs-editor .pane cs-preflight-list .ok').count()).toBe(1);
    await shot(page, '4-editor.png', true);

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
    await shot(page, '5-export-done.png');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(2000);
    expect(pdf.name).toMatch(/\.pdf$/);
    const png = await exportAs('png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const w = png.bytes.readUInt32BE(16);
    const h = png.bytes.readUInt32BE(20);
    console.log(
      `[e2e] PDF ${pdf.bytes.length} bytes (${pdf.name}); PNG ${png.bytes.length} bytes, ${w}×${h} px (${png.name})`,
    );
    expect(Math.abs(w - Math.round((6000 / 25.4) * 45))).toBeLessThanOrEqual(1);
    expect(Math.abs(h - Math.round((700 / 25.4) * 45))).toBeLessThanOrEqual(1);

    // Keyboard: Escape closes the dialog.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const js = readFileSync(resolve(ROOT, 'renderer/dist/app.js'));
    console.log(
      `[e2e] renderer JS ${(js.length / 1024).toFixed(1)} KB, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(1)} KB gzip (budget 300 KB)`,
    );
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(300 * 1024);
    await page.close();
  });

  it('types without lag on a poster with a 20 MB photo: bodies of a few kilobytes, the photo stays on the main side', async () => {
    const { page } = await studio.newPage();
    await page.goto(studio.url.href);
    await page.locator('button.card[data-template="poster-50x70-photo"]').click();
    const slogan = page.locator('cs-slot-form textarea[name="slogan"]');
    await slogan.waitFor();
    await page.locator('cs-preview img.layer').first().waitFor();
    const photo = await noisyPhoto(5000, 4000);
    const field = page.locator('cs-slot-form cs-image-field[data-slot="photo"]');
    await field
      .locator('input[type="file"]')
      .setInputFiles({ name: '相机照片.jpg', mimeType: 'image/jpeg', buffer: photo });
    await field.locator('.meta').waitFor({ timeout: 60_000 });
    expect(await field.locator('.meta').textContent()).toMatch(/5000×4000 像素/);
    // The photo is in the preview: a layer of its own, the image store's screen-size file.
    await page.waitForFunction(() => {
      const img = document
        .querySelector('cs-app')!
        .shadowRoot!.querySelector('cs-editor')!
        .shadowRoot!.querySelector('cs-preview')!
        .shadowRoot!.querySelector<HTMLImageElement>('.photo img');
      return !!img && img.complete && img.naturalWidth === 2048;
    });
    const bodies: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/previewSvg')) bodies.push(Buffer.byteLength(r.postData() ?? ''));
    });
    const typed = '白菜青菜油麦菜，莫给骗子当韭菜。乌鸡土鸡大公鸡，听说转账就挂机';
    const what = `the 50×70 poster with a ${(photo.length / 2 ** 20).toFixed(1)} MB photo`;
    const { latencies, median } = await keystrokeLatencies(page, slogan, typed, what);
    console.log(`[e2e] previewSvg request bodies: at most ${Math.max(...bodies)} bytes (limit 64 KB)`);
    expect(bodies.length).toBeGreaterThanOrEqual(latencies.length / 2);
    expect(Math.max(...bodies)).toBeLessThanOrEqual(64 * 1024);
    // A regression guard that holds on a loaded 2-core machine (the photo's full bytes per keystroke
    // would take seconds); the target is printed above, the strict figures are the benchmark's.
    expect(median).toBeLessThanOrEqual(500);
    await shot(page, '2b-photo-poster.png');
    await page.close();
  });

  it('undoes and redoes typing (one step per burst) and a style change', async () => {
    const { page, slogan } = await openBanner();
    const original = await slogan.inputValue();
    const undo = page.locator('cs-editor button.undo');
    const redo = page.locator('cs-editor button.redo');
    expect(await undo.isDisabled()).toBe(true);
    expect(await page.locator('cs-editor .state').textContent()).toBe('新设计，尚未保存');

    await slogan.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('反诈', { delay: 50 });
    await expect.poll(() => undo.getAttribute('title')).toBe('撤销：修改「标语」');
    expect(await page.locator('cs-editor .state').textContent()).toBe('● 未保存');

    // Ctrl+Z inside the field undoes the whole burst of typing, Ctrl+Y and Ctrl+Shift+Z redo it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => slogan.inputValue()).toBe(original);
    expect(await page.locator('cs-editor .state').textContent()).toBe('新设计，尚未保存');
    await page.keyboard.press('Control+y');
    await expect.poll(() => slogan.inputValue()).toBe(`${original}反诈`);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => slogan.inputValue()).toBe(`${original}反诈`);

    // A style change: the slogan's size mode in the style panel (typing selected it), undone from the toolbar.
    await page.locator('cs-editor button.tab[data-tab="style"]').click();
    const seg = page.locator('cs-style-panel .seg[data-name="size-mode"]');
    await seg.waitFor();
    const pressed = async () => seg.locator('button[aria-pressed="true"]').getAttribute('data-value');
    const before = await pressed();
    await seg.locator(`button[data-value="${before === 'fit' ? 'fixed' : 'fit'}"]`).click();
    await expect.poll(pressed).not.toBe(before);
    await expect.poll(() => undo.getAttribute('title')).toBe('撤销：修改字号');
    await shot(page, '7-editor-undo.png');
    await undo.click();
    await expect.poll(pressed).toBe(before);
    expect(await redo.getAttribute('title')).toBe('重做：修改字号');
    await redo.click();
    await expect.poll(pressed).not.toBe(before);
    await undo.click();
    await undo.click();
    await page.locator('cs-editor button.tab[data-tab="content"]').click();
    await expect.poll(() => slogan.inputValue()).toBe(original);
    expect(await undo.isDisabled()).toBe(true);
    await page.close();
  });

  it('saves a design file, opens it again equal, and names the bad field of a broken one', async () => {
    const { page, slogan } = await openBanner();
    await slogan.fill('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    // A new design: 保存 asks for its name first (browser mode has no save dialog).
    await page.locator('cs-editor button.save').click();
    expect(await page.locator('cs-ask-dialog input[name="ask-field"]').inputValue()).toMatch(/^大红横幅/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('cs-ask-dialog button.ask-save').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^大红横幅.*\.csdesign$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const saved = JSON.parse(text) as { schema: string; name: string; elements: { slot?: string; text?: string }[] };
    expect(saved.schema).toBe('campaign-studio/design');
    expect(saved.elements.find((e) => e.slot === 'slogan')?.text).toBe('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    await expect.poll(() => page.locator('cs-editor .state').textContent()).toBe('已保存');
    await expect.poll(() => page.locator('cs-app p.notice').textContent()).toContain('已保存');

    // Open it in a fresh page via the file input: the same design.
    const fresh = await studio.newPage();
    await fresh.page.goto(studio.url.href);
    await fresh.page.locator('cs-gallery button.open-file').waitFor();
    const file = resolve(ARTIFACTS, 'saved-design.csdesign');
    writeFileSync(file, text);
    await fresh.page.locator('cs-app input.file-input').setInputFiles(file);
    const reopened = fresh.page.locator('cs-slot-form textarea[name="slogan"]');
    await reopened.waitFor();
    expect(await reopened.inputValue()).toBe('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    expect(await fresh.page.locator('cs-editor input.name').inputValue()).toBe(saved.name);
    const [again] = await Promise.all([
      fresh.page.waitForEvent('download'),
      fresh.page.locator('cs-editor button.save').click(),
    ]);
    expect(JSON.parse(readFileSync((await again.path())!, 'utf8'))).toEqual(saved);

    // A broken file: an alert in Chinese naming the field; the open design stays.
    const broken = resolve(ARTIFACTS, 'broken-design.json');
    const { format: _f, ...noFormat } = saved as unknown as Record<string, unknown>;
    writeFileSync(broken, JSON.stringify(noFormat));
    await fresh.page.locator('cs-editor button.open').click();
    await fresh.page.locator('cs-app input.file-input').setInputFiles(broken);
    const alert = fresh.page.locator('cs-app p.error[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/format/);
    console.log(`[e2e] broken design file → ${await alert.textContent()}`);
    expect(await reopened.inputValue()).toBe('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    await shot(fresh.page, '8-open-error.png');
    await fresh.page.close();
    await page.close();
  });

  it('autosaves, and after a reload without saving offers the design back', async () => {
    const { page, slogan } = await openBanner();
    page.on('dialog', (d) => void d.accept()); // the beforeunload warning: leave anyway, like a crash
    await slogan.fill('白菜青菜油麦菜，莫给骗子当冤大头');
    await page.locator('cs-editor .autosave[data-state="saved"]').waitFor();
    await page.reload();
    const prompt = page.locator('cs-recovery-prompt dialog');
    await prompt.waitFor();
    expect(await prompt.textContent()).toMatch(/发现上次未保存的设计「大红横幅.*」（刚刚），是否恢复？/);
    await shot(page, '9-recovery.png');
    await page.locator('cs-recovery-prompt button.restore').click();
    const restored = page.locator('cs-slot-form textarea[name="slogan"]');
    await restored.waitFor();
    expect(await restored.inputValue()).toBe('白菜青菜油麦菜，莫给骗子当冤大头');
    expect(await page.locator('cs-editor .state').textContent()).toBe('● 未保存');

    // Discarded, it is gone for good.
    await page.reload();
    await prompt.waitFor();
    await page.locator('cs-recovery-prompt button.discard').click();
    await page.locator(BANNER).waitFor();
    await page.reload();
    await page.locator(BANNER).waitFor();
    await page.waitForTimeout(300);
    expect(await prompt.count()).toBe(0);
    await page.close();
  });

  it('publishes the design to the library', async () => {
    const { page, slogan } = await openBanner();
    await slogan.fill('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    await page.locator('cs-editor button.open-publish').click();
    const dialog = page.locator('cs-publish-dialog dialog');
    await dialog.waitFor();
    expect(await page.locator('cs-publish-dialog #pub-title').inputValue()).toMatch(/^大红横幅/);
    await page.locator('cs-publish-dialog #pub-unit').fill('城关派出所');
    await page.locator('cs-publish-dialog #pub-location').fill('城关农贸市场');
    await page.locator('cs-publish-dialog #pub-channel').fill('集市横幅');
    await page.locator('cs-publish-dialog input[name="fraud"][value="investment"]').check();
    await page.locator('cs-publish-dialog #pub-tags').fill('集市、鱼摊');
    await shot(page, '10-publish.png');
    const t0 = Date.now();
    await page.locator('cs-publish-dialog button.publish').click();
    const ok = page.locator('cs-publish-dialog p.ok');
    await ok.waitFor({ timeout: 60_000 });
    console.log(`[e2e] publish to library: ${Date.now() - t0} ms`);
    expect(await ok.textContent()).toMatch(/^已发布「大红横幅.*」到素材库。$/);
    expect(readdirSync(studio.library).length).toBeGreaterThan(0);
    await shot(page, '11-published.png');
    await page.locator('cs-publish-dialog button.show-library').click();
    await expect
      .poll(() => page.locator('cs-app nav button[data-screen="library"]').getAttribute('aria-current'))
      .toBe('page');
    await page.close();
  });

  it('switches to English: header, gallery, editor and dialogs', async () => {
    const { page } = await studio.newPage();
    await page.goto(studio.url.href);
    await page.locator(BANNER).waitFor();
    await page.locator('cs-app button.lang').click();
    await expect.poll(() => page.locator('cs-app header h1').textContent()).toBe('Anti-Fraud Campaign Studio');
    expect(await page.locator('cs-app nav button[data-screen="gallery"]').textContent()).toBe('Start');
    expect(await page.locator('cs-gallery section h2[id^="kind-"]').first().textContent()).toBe('Banners');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, '12-gallery-en.png');
    await page.locator(BANNER).click();
    await page.locator('cs-preview img.layer').first().waitFor();
    expect(await page.locator('cs-editor button.save').textContent()).toBe('Save');
    expect((await page.locator('cs-editor button.undo').textContent())!.trim()).toBe('↶ Undo');
    expect(await page.locator('cs-editor .state').textContent()).toBe('New design, not saved yet');
    expect(await page.locator('cs-slot-form h2').textContent()).toBe('Content');
    await page.locator('cs-editor button.tab[data-tab="check"]').click();
    expect(await page.locator('cs-editor .pane cs-preflight-list h2').textContent()).toBe('Preflight');
    await page
      .locator('cs-editor .pane cs-preflight-list .ok, cs-editor .pane cs-preflight-list button.finding')
      .first()
      .waitFor();
    await shot(page, '13-editor-en.png', true);
    await page.locator('cs-editor button.open-export').click();
    expect(await page.locator('cs-export-dialog header').textContent()).toBe('Export design');
    await shot(page, '14-export-en.png');
    await page.keyboard.press('Escape');
    await page.locator('cs-editor button.open-publish').click();
    expect(await page.locator('cs-publish-dialog header').textContent()).toBe('Publish to the library');
    await shot(page, '15-publish-en.png');
    await page.keyboard.press('Escape');
    // Back to Chinese for the next tests (the choice is remembered per browser profile).
    await page.locator('cs-app button.lang').click();
    await expect.poll(() => page.locator('cs-editor button.save').textContent()).toBe('保存');
    await page.close();
  });

  it('desktop wiring: menu commands, native save/open dialogs and the export save dialog (simulated bridge)', async () => {
    // The preload's window.studio, faked over the HTTP API: the renderer's desktop paths, without Electron.
    const { page } = await studio.newPage();
    const token = studio.url.searchParams.get('token')!;
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.origin !== studio.url.origin) return route.fallback();
      return route.continue({ headers: { ...route.request().headers(), 'x-studio-token': token } });
    });
    await page.addInitScript((tok) => {
      const w = window as unknown as Record<string, unknown>;
      const log: { dialog: string; input: unknown }[] = [];
      w['__log'] = log;
      const ok = (value: unknown) => Promise.resolve({ ok: true, value });
      w['studio'] = {
        call: (method: string, input: unknown) =>
          fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Studio-Token': tok },
            body: JSON.stringify(input),
          }).then((r) => r.json()),
        openDesignFile: () => (
          log.push({ dialog: 'open', input: {} }),
          ok({ canceled: false, filePath: '/fake/打开.json', design: w['__openDesign'] })
        ),
        saveDesignFile: (input: { filePath?: string }) => (
          log.push({ dialog: 'save', input }),
          ok({ canceled: false, filePath: input.filePath ?? '/fake/另存.json' })
        ),
        saveExportFile: (input: unknown) => (
          log.push({ dialog: 'export', input }),
          ok({ canceled: false, filePath: '/fake/导出.pdf' })
        ),
        upload: () => Promise.reject(new Error('not in this test')),
        onCommand: (listener: unknown) => ((w['__menu'] = listener), () => {}),
      };
    }, token);
    const menu = (command: Record<string, unknown>) =>
      page.evaluate((c) => (window as unknown as { __menu: (c: unknown) => void }).__menu(c), command);
    const log = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __log: { dialog: string; input: { filePath?: string; suggestedName?: string; downloadId?: string } }[];
            }
          ).__log,
      );
    page.on('dialog', (d) => void d.accept());

    await page.goto(studio.url.href);
    await page.locator(BANNER).click();
    const slogan = page.locator('cs-slot-form textarea[name="slogan"]');
    await slogan.waitFor();
    const original = await slogan.inputValue();

    // 保存 with no file yet asks where (suggested name), then saves to that file without asking.
    await slogan.fill('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    await menu({ command: 'save' });
    await expect.poll(() => page.locator('cs-editor .state').textContent()).toBe('已保存');
    let l = await log();
    expect(l[0]).toMatchObject({
      dialog: 'save',
      input: { suggestedName: expect.stringMatching(/^大红横幅.*\.csdesign$/) },
    });
    expect(l[0]!.input.filePath).toBeUndefined();
    expect(await page.locator('cs-app p.notice').textContent()).toContain('/fake/另存.json');
    await slogan.fill('白菜青菜油麦菜，莫给骗子当冤大头');
    await menu({ command: 'save' });
    await expect.poll(async () => (await log()).length).toBe(2);
    l = await log();
    expect(l[1]!.input.filePath).toBe('/fake/另存.json');
    await menu({ command: 'save-as' });
    await expect.poll(async () => (await log()).length).toBe(3);
    expect((await log())[2]!.input.filePath).toBeUndefined();

    // Menu undo/redo.
    await menu({ command: 'undo' });
    await expect.poll(() => slogan.inputValue()).toBe('鲫鱼草鱼多宝鱼，不做骗子网中鱼');
    await menu({ command: 'undo' });
    await expect.poll(() => slogan.inputValue()).toBe(original);
    await menu({ command: 'redo' });
    await expect.poll(() => slogan.inputValue()).toBe('鲫鱼草鱼多宝鱼，不做骗子网中鱼');

    // The file saveDesign wrote (what the desktop's dialog copies), as the main side reads it back.
    const saved = await fetch(new URL(`/download/${l[1]!.input.downloadId}?token=${token}`, studio.url));
    const design = (await saved.json()) as { name: string };
    // A file from the command line (the main side read it), then 打开… through the native dialog.
    await menu({
      command: 'open-file',
      filePath: '/fake/命令行.json',
      design: { ...design, name: '命令行横幅' },
    } as never);
    // The changes since the last save: the studio's own dialog asks, 不保存 goes on.
    await page.locator('cs-ask-dialog button.ask-discard').click();
    await expect.poll(() => page.locator('cs-editor input.name').inputValue()).toMatch(/^命令行横幅/);
    expect(await slogan.inputValue()).toBe('白菜青菜油麦菜，莫给骗子当冤大头');
    await page.evaluate(
      (d) => ((window as unknown as { __openDesign: unknown }).__openDesign = { ...d, name: '对话框横幅' }),
      design,
    );
    await menu({ command: 'open' });
    await expect.poll(() => page.locator('cs-editor input.name').inputValue()).toMatch(/^对话框横幅/);
    await slogan.fill('乌鸡土鸡大公鸡、听说转账就挂机');
    await menu({ command: 'save' });
    await expect.poll(async () => (await log()).at(-1)!.input.filePath).toBe('/fake/打开.json');

    // 导出 from the menu; the finished file goes through the native save dialog.
    await menu({ command: 'export' });
    await page.locator('cs-export-dialog dialog').waitFor();
    await page.locator('cs-export-dialog button.start').click();
    const saveFile = page.locator('cs-export-dialog button.save-file');
    await saveFile.waitFor({ timeout: 60_000 });
    expect(await page.locator('cs-export-dialog a.download').count()).toBe(0);
    await saveFile.click();
    await page.locator('cs-export-dialog .saved').waitFor();
    expect((await log()).at(-1)).toMatchObject({
      dialog: 'export',
      input: { downloadId: expect.stringMatching(/^[0-9a-f]+$/) },
    });
    await shot(page, '16-desktop-export-saved.png');
    await page.keyboard.press('Escape');

    // 新建 goes to the gallery; the design stays on the 编辑 tab.
    await menu({ command: 'new' });
    await page.locator(BANNER).waitFor();
    expect(await page.locator('cs-app nav button[data-screen="editor"]').isDisabled()).toBe(false);
    await page.close();
  });

  it('keyboard: the gallery is reachable with Tab and has a visible focus ring', async () => {
    const { page } = await studio.newPage();
    await page.goto(studio.url.href);
    await page.locator('button.card').first().waitFor();
    // The header's screen tabs, settings and language switch come first, then the gallery's search,
    // filters, recent designs and open button, then the cards.
    let outline = 'none';
    for (let i = 0; i < 40 && !/card/.test(outline); i++) {
      await page.keyboard.press('Tab');
      outline = await page.evaluate(() => {
        const g = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-gallery')!.shadowRoot!;
        const a = g.activeElement as HTMLElement | null;
        return a ? getComputedStyle(a).outlineStyle + ' ' + a.className : 'none';
      });
    }
    expect(outline).toMatch(/^solid card/);
    await shot(page, '6-gallery-focus.png');
    await page.close();
  });
});
