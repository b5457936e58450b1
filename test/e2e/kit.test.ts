import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfReader } from '../helpers/pdf-reader.js';
import { SANMING_PROFILE_FILE } from '../helpers/profile.js';
import { zipEntries } from '../helpers/zip-entries.js';
import { ARTIFACTS, startStudio, type Studio } from './harness.js';

/*
 * The imposition screen and the kit screen in real Chromium (browser mode, issue #16): pieces and
 * counts → the sheet plan → the imposed PDF; the Sanming market (three stalls) → a jingle each, one
 * swapped → the delivery zip; five audiences → their jingles and messages → the zip of folders.
 * Screenshots at 1366×768 and 1440×900 go to test/e2e/.artifacts/.
 */
describe.skipIf(!process.env.STUDIO_E2E)('imposition and event kits in Chromium', () => {
  let studio: Studio;
  let page: Page;
  const shot = async (name: string) => {
    for (const [w, h] of [
      [1366, 768],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: resolve(ARTIFACTS, `${name}-${w}x${h}.png`), fullPage: false });
    }
  };

  beforeAll(async () => {
    studio = await startStudio({ unitProfile: SANMING_PROFILE_FILE });
    ({ page } = await studio.newPage());
    await page.goto(studio.url.href);
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('imposition: stickers and tags on SRA3, the plan drawn to scale, the imposed PDF downloaded', async () => {
    await page.locator('cs-app button[data-screen="impose"]').click();
    const summary = page.locator('cs-impose .summary');
    await summary.waitFor();
    // The default row: the first sticker × 50; add hanging tags × 10 on SRA3.
    await page.locator('cs-impose button.add').click();
    const rows = page.locator('cs-impose tbody tr');
    await rows.nth(1).locator('select').selectOption('tag-hanging-70x100-fresh');
    await rows.nth(1).locator('input[name="count"]').fill('10');
    await page.locator('cs-impose #sheet').selectOption('sra3');
    await expect.poll(() => summary.textContent()).toMatch(/共 \d+ 张，60 件/);
    expect(await page.locator('cs-impose-sheet svg ellipse').count()).toBeGreaterThan(10);
    await shot('kit-1-impose');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      (async () => {
        await page.locator('cs-impose button.start').click();
        await page.locator('cs-impose cs-kit-job button.download').click({ timeout: 60_000 });
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/拼版\.pdf$/);
    const pdf = PdfReader.open((await download.path())!);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    const { w, h } = pdf.sizeMm(0);
    expect([w, h].map(Math.round).sort()).toEqual([320, 450]);
  });

  it('imposition: tags turned 90° where that saves a sheet, shown turned; 允许旋转 90° unticked keeps them upright', async () => {
    // The plan's line (the finished job before shows a summary of its own).
    const summary = page.locator('cs-impose section.panel > p.summary');
    const rows = page.locator('cs-impose tbody tr');
    // Only the tags now: 14 of them on SRA3 fit one sheet with 4 lying down under 10 upright.
    await rows.nth(0).locator('button.remove').click();
    await rows.nth(0).locator('input[name="count"]').fill('14');
    await expect.poll(() => summary.textContent()).toMatch(/共 1 张，14 件/);
    await expect.poll(() => page.locator('cs-impose .where').textContent()).toContain('其中 4 件转 90° 排');
    const sheet = page.locator('cs-impose-sheet svg');
    expect(await sheet.locator('rect.turned').count()).toBe(4);
    expect(await sheet.locator('rect.upright').count()).toBe(10);
    // A turned tag lies down: wider than tall, its top line down its right side.
    const box = await sheet.locator('rect.turned').first().boundingBox();
    expect(box!.width).toBeGreaterThan(box!.height * 1.3);
    await shot('kit-1b-impose-turned');
    const rotate = page.locator('cs-impose input[name="rotate"]');
    expect(await rotate.isChecked()).toBe(true);
    await rotate.uncheck();
    await expect.poll(() => summary.textContent()).toMatch(/共 2 张，14 件/);
    expect(await sheet.locator('rect.turned').count()).toBe(0);
    await rotate.check();
    await expect.poll(() => summary.textContent()).toMatch(/共 1 张，14 件/);
  });

  it('market kit: the Sanming stalls, a jingle each, one swapped, the whole set as one zip', async () => {
    await page.locator('cs-app button[data-screen="kit"]').click();
    await page.locator('cs-kit-market button.demo').click();
    const cards = page.locator('cs-kit-stalls li');
    await expect.poll(() => cards.count()).toBe(3);
    const jingles = await cards.locator('.jingle').allTextContents();
    expect(jingles[0]).toMatch(/^鲫鱼草鱼/);
    expect(jingles[1]).toMatch(/^白菜青菜/);
    expect(jingles[2]).toMatch(/^乌鸡土鸡/);
    expect(new Set(jingles).size).toBe(3);
    // Swap the vegetable stall's jingle for its second alternative.
    const select = cards.nth(1).locator('select');
    const swapTo = (await select.locator('option').nth(2).getAttribute('value'))!;
    await select.selectOption(swapTo);
    await expect.poll(() => cards.nth(1).locator('.jingle').textContent()).toBe(swapTo);
    // The select shows the jingle now in use (the others moved on to the rest).
    expect(await select.inputValue()).toBe(swapTo);
    await page.locator('cs-kit-market #job').fill('列东菜市场');
    await shot('kit-2-market');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      (async () => {
        await page.locator('cs-kit-market button.start').click();
        await page.locator('cs-kit-market cs-kit-job .status').waitFor();
        await page.locator('cs-kit-market cs-kit-job button.download').click({ timeout: 90_000 });
      })(),
    ]);
    await shot('kit-3-market-done');
    expect(download.suggestedFilename()).toBe('列东菜市场-交付包.zip');
    const names = [...(await zipEntries((await download.path())!)).keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        '摊位展板/02-菜摊-摊位展板.pdf',
        '拼版/贴纸-A3拼版.pdf',
        '入口横幅.pdf',
        '易拉宝.pdf',
        '制作单.xlsx',
      ]),
    );
    const zip = await zipEntries((await download.path())!);
    const board = PdfReader.open(zip.get('摊位展板/02-菜摊-摊位展板.pdf')!);
    const flat = (s: string) => s.replace(/[、，\s]/g, '');
    expect(flat(board.text())).toContain(flat(swapTo));
  });

  it('grid kit: five audiences, their jingles and messages, a folder each in one zip', async () => {
    await page.locator('cs-kit button[data-kit="grid"]').click();
    await page.locator('cs-kit-grid button.preview').click();
    const plans = page.locator('cs-kit-grid ol li');
    await expect.poll(() => plans.count()).toBe(5);
    expect(await plans.first().locator('pre').textContent()).toContain('96110');
    await shot('kit-4-grid');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      (async () => {
        await page.locator('cs-kit-grid button.start').click();
        await page.locator('cs-kit-grid cs-kit-job button.download').click({ timeout: 90_000 });
      })(),
    ]);
    const names = [...(await zipEntries((await download.path())!)).keys()];
    expect(names).toHaveLength(20);
    expect(names).toContain('05-企业财务/群消息.txt');
  });

  it('English labels, no request left the machine, no page error', async () => {
    await page.locator('cs-app button.lang').click();
    await expect.poll(() => page.locator('cs-kit button[data-kit="market"]').textContent()).toBe('Market stall kit');
    await shot('kit-5-english');
    await page.locator('cs-app button.lang').click();
    expect(studio.foreign).toEqual([]);
    expect(studio.pageErrors).toEqual([]);
  });
});
