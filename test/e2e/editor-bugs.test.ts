import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PdfReader } from '../helpers/pdf-reader.js';
import { centreOf, design, element, openTemplate, saveAs, settled, shot } from './editor-helpers.js';
import { studioForSuite } from './harness.js';

/*
 * The ten bugs of the walkthrough (issue #15), each as the officer met it, in real Chromium.
 * Bug 8 (contrast of overflowing text) is a preflight matter, tested on the engine:
 * test/engine/preflight/contrast-overflow.test.ts.
 */
const LONG = '白菜青菜油麦菜、莫给骗子当韭菜，鲫鱼草鱼多宝鱼、不做骗子的网中鱼，乌鸡土鸡大公鸡、听说转账就挂机';

async function selectSlogan(page: Page) {
  await page.mouse.click(...(Object.values(await centreOf(page, 'slogan')) as [number, number]));
  await page.locator('cs-editor button.tab[data-tab="style"]').click();
  await page.locator('cs-text-style').waitFor();
}

async function exportFile(page: Page, format: 'pdf' | 'png'): Promise<Buffer> {
  await page.locator(`cs-export-dialog input[name="format"][value="${format}"]`).check();
  await page.locator('cs-export-dialog button.start').click();
  const link = page.locator('cs-export-dialog a.download');
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await download.path())!);
}

describe.skipIf(!process.env.STUDIO_E2E)('the walkthrough bugs of issue #15, in Chromium', () => {
  const studio = studioForSuite();

  it('1: after undo then redo the font list shows the font the preview draws', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await selectSlogan(page);
    const font = page.locator('cs-text-style select#font');
    await font.selectOption('Noto Serif SC');
    await expect
      .poll(async () => ((await element(page, 'slogan')) as { font: { family: string } }).font.family)
      .toBe('Noto Serif SC');
    await page.locator('cs-editor button.undo').click();
    await expect.poll(() => font.inputValue()).toBe('Noto Sans SC');
    await page.locator('cs-editor button.redo').click();
    expect(((await element(page, 'slogan')) as { font: { family: string } }).font.family).toBe('Noto Serif SC');
    await expect.poll(() => font.inputValue()).toBe('Noto Serif SC');
    await close();
  });

  it('2: an export refused for overflow says what to do in the studio, and the checkbox allows it', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await page.locator('cs-slot-form textarea[name="slogan"]').fill(LONG.repeat(3));
    await settled(page);
    await page.locator('cs-editor button.open-export').click();
    await page.locator('cs-export-dialog input[name="format"][value="pdf"]').check();
    await page.locator('cs-export-dialog button.start').click();
    const error = page.locator('cs-export-dialog p.error');
    await error.waitFor({ timeout: 30_000 });
    const text = (await error.textContent())!;
    expect(text).toContain('勾选「允许文字超出」');
    expect(text).toContain('减小最小字号');
    // The finding is listed in the dialog, and the checkbox makes the file.
    // (The preflight that lists it may come in after the refusal on a busy machine.)
    await expect.poll(() => page.locator('cs-export-dialog button.finding[data-code="text-overflow"]').count()).toBe(1);
    await shot(page, 'bug-2-overflow.png');
    await page.locator('cs-export-dialog input[name="allow-overflow"]').check();
    await page.locator('cs-export-dialog button.start').click();
    await page.locator('cs-export-dialog a.download').waitFor({ timeout: 60_000 });
    await close();
  });

  it('3: 固定 starts from the size the text has now; the overflow finding focuses the size field', async () => {
    const { page, close } = await openTemplate(studio(), 'poster-a2-red');
    await selectSlogan(page);
    const fitted = Number((await page.locator('cs-text-style .fitted').textContent())!.match(/[\d.]+/)![0]);
    const max = ((await element(page, 'slogan')) as { size: { maxMm: number } }).size.maxMm;
    expect(fitted).toBeLessThan(max);
    await page.locator('cs-text-style .seg[data-name="size-mode"] button[data-value="fixed"]').click();
    await expect
      .poll(async () => ((await element(page, 'slogan')) as { size: { mm?: number } }).size.mm)
      .toBeCloseTo(fitted, 0);
    expect(Number(await page.locator('cs-text-style input[name="size-mm"]').inputValue())).toBeCloseTo(fitted, 0);
    await settled(page);
    await page.locator('cs-editor button.tab[data-tab="check"]').click();
    await expect.poll(() => page.locator('cs-editor .pane button.finding[data-code="text-overflow"]').count()).toBe(0);
    // Now make it overflow: its finding leads to the size field, not the slogan's words.
    await page.locator('cs-editor button.tab[data-tab="content"]').click();
    await page.locator('cs-slot-form textarea[name="slogan"]').fill(LONG);
    await page.locator('cs-editor button.tab[data-tab="check"]').click();
    const finding = page.locator('cs-editor .pane button.finding[data-code="text-overflow"]');
    await finding.waitFor();
    expect(await finding.locator('.el').textContent()).toBe('标语');
    await finding.click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          let a: Element | null = document.activeElement;
          while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
          return a?.getAttribute('name');
        }),
      )
      .toBe('size-mm');
    await close();
  });

  it('4: the editor opens at its top, not at the gallery scroll position', async () => {
    const { page, context } = await studio().newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(studio().url.href);
    const card = page.locator('button.card[data-template="wechat-1242x2208-red"]');
    await card.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await card.click();
    await page.locator('cs-preview img.layer').first().waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const toolbar = (await page.locator('cs-editor button.undo').boundingBox())!;
    expect(toolbar.y).toBeGreaterThan(0);
    expect(toolbar.y).toBeLessThan(200);
    await context.close();
  });

  it('5: the publish dialog does not carry 单位 and 渠道 over from the last publication', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await page.locator('cs-editor button.open-publish').click();
    await page.locator('cs-publish-dialog input[name="unit"]').fill('某某派出所');
    await page.locator('cs-publish-dialog input[name="channel"]').fill('印刷传单');
    await page.locator('cs-publish-dialog button.publish').click();
    await page.locator('cs-publish-dialog button.show-library').waitFor({ timeout: 60_000 });
    await page.locator('cs-publish-dialog button.secondary').click();
    await page.locator('cs-editor button.open-publish').click();
    expect(await page.locator('cs-publish-dialog input[name="channel"]').inputValue()).toBe('');
    expect(await page.locator('cs-publish-dialog input[name="unit"]').inputValue()).toBe('');
    await close();
  });

  it('6: a colour swatch keeps its colour under the pointer', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await selectSlogan(page);
    const yellow = page.locator('cs-text-style cs-colour-field button[data-preset="banner-yellow"]').first();
    await yellow.hover();
    expect(await yellow.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 230, 0)');
    await close();
  });

  it('7: CMYK follows the format choice and is sent as chosen; no stale download; progress in steps', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await page.locator('cs-editor button.open-export').click();
    const cmyk = page.locator('cs-export-dialog input[name="cmyk"]');
    expect(await cmyk.isChecked()).toBe(true);
    await page.locator('cs-export-dialog input[name="format"][value="png"]').check();
    expect(await cmyk.isChecked()).toBe(false);
    expect(await cmyk.isDisabled()).toBe(true);
    await page.locator('cs-export-dialog input[name="format"][value="pdf"]').check();
    expect(await cmyk.isChecked()).toBe(true);
    // Unticked, the PDF is in RGB: its fills are set in DeviceRGB, none in DeviceCMYK.
    await cmyk.uncheck();
    const rgb = PdfReader.open(await exportFile(page, 'pdf')).content(0);
    expect(rgb).toMatch(/\/DeviceRGB cs/);
    expect(rgb).not.toMatch(/\/DeviceCMYK cs/);
    await cmyk.check();
    expect(PdfReader.open(await exportFile(page, 'pdf')).content(0)).toMatch(/\/DeviceCMYK cs/);
    // The PDF's download goes when another format is chosen.
    await page.locator('cs-export-dialog input[name="format"][value="png"]').check();
    expect(await page.locator('cs-export-dialog a.download').count()).toBe(0);
    // A PNG of the 6 m banner at 100 dpi: the progress shows steps between 0 and done.
    await page.locator('cs-export-dialog #dpi').fill('100');
    await page.evaluate(() => {
      const w = window as unknown as { __labels: string[] };
      w.__labels = [];
      const dlg = document
        .querySelector('cs-app')!
        .shadowRoot!.querySelector('cs-editor')!
        .shadowRoot!.querySelector('cs-export-dialog')!;
      new MutationObserver(() => {
        const l = dlg.shadowRoot!.querySelector('label[for="progress"]')?.textContent;
        if (l && w.__labels.at(-1) !== l) w.__labels.push(l);
      }).observe(dlg.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await exportFile(page, 'png');
    const labels = await page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
    console.log(`[e2e] export progress seen: ${labels.join(' → ')}`);
    expect(labels.some((l) => /正在导出 (?:[1-9]\d?)%/.test(l))).toBe(true);
    await close();
  });

  it('9: leaving unsaved changes asks 保存 / 不保存 / 取消 in the studio, never the browser box; untouched is not 已保存', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    const browserBoxes: string[] = [];
    page.on('dialog', (d) => {
      browserBoxes.push(d.message());
      void d.dismiss();
    });
    expect(await page.locator('cs-editor .state').textContent()).toBe('新设计，尚未保存');
    await page.locator('cs-slot-form textarea[name="slogan"]').fill('乌鸡土鸡大公鸡、听说转账就挂机');
    await page.locator('cs-app button[data-screen="gallery"]').click();
    await page.locator('button.card[data-template="poster-a2-red"]').click();
    const ask = page.locator('cs-ask-dialog dialog[open]');
    await ask.waitFor();
    expect(await ask.locator('.actions button').allTextContents()).toEqual(['取消', '不保存', '保存']);
    await shot(page, 'bug-9-ask.png');
    await ask.locator('button.ask-cancel').click();
    expect((await design(page)).templateId).toBe('banner-red-600x70');
    await page.locator('cs-app button[data-screen="gallery"]').click();
    await page.locator('button.card[data-template="poster-a2-red"]').click();
    await page.locator('cs-ask-dialog button.ask-discard').click();
    await expect.poll(async () => (await design(page)).templateId).toBe('poster-a2-red');
    expect(browserBoxes).toEqual([]);
    await close();
  });

  it('10: 另存为 in browser mode asks for a name, and the file and exports are named after it', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    const saved = await saveAs(page, '鱼市入口横幅');
    expect(saved.fileName).toBe('鱼市入口横幅.csdesign');
    expect(saved.design.name).toBe('鱼市入口横幅');
    expect(await page.locator('cs-editor input.name').inputValue()).toBe('鱼市入口横幅');
    expect(await page.locator('cs-editor .state').textContent()).toBe('已保存');
    await page.locator('cs-editor button.open-export').click();
    await page.locator('cs-export-dialog input[name="format"][value="pdf"]').check();
    await page.locator('cs-export-dialog button.start').click();
    const link = page.locator('cs-export-dialog a.download');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('download')).toBe('鱼市入口横幅.pdf');
    await close();
  });
});
