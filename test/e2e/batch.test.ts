import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../helpers/zip-entries.js';
import { PdfReader } from '../helpers/pdf-reader.js';

/*
 * Batch production in real Chromium through browser mode (issue #6 parts 2–3): the 6 m banner,
 * a 20-row GBK CSV with one slogan far too long, mapping and previews, a run with progress, the
 * failure named by its row, and the zip of 19 PDFs. Its own server and a throw-away library.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(import.meta.dirname, '.artifacts');
const CHROMIUM = '/usr/bin/chromium';
const TEMPLATE = 'banner-market-600x70'; // slots: 标题 (title), 标语 (slogan), 反诈专线 (hotline)
const TOWNS = ['城关', '东关', '西城', '南湖', '北山', '河口', '新区', '高新', '滨江', '古城'];
const SLOGANS = [
  '白菜青菜油麦菜、莫给骗子当韭菜',
  '乌鸡土鸡大公鸡、听说转账就挂机',
  '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
];
const BAD_ROW = 2;
const unitOf = (row: number) => `${TOWNS[(row - 1) % TOWNS.length]}${row > 10 ? '二' : ''}派出所`;

/** 20 police stations as Excel on Chinese Windows saves a CSV: GBK, CRLF. Row 2's slogan cannot fit. */
function stationsCsv(): Buffer {
  const lines = ['单位,标语,热线'];
  for (let r = 1; r <= 20; r++)
    lines.push(`${unitOf(r)},${r === BAD_ROW ? '转账之前多核实'.repeat(20) : SLOGANS[r % 3]},专线 96110`);
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
}

describe.skipIf(!process.env.STUDIO_E2E)('batch production in Chromium (browser mode)', () => {
  let server: ChildProcess;
  let url: URL;
  let browser: Browser;
  let page: Page;
  let library: string;
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  const shot = (name: string, fullPage = true) => page.screenshot({ path: resolve(ARTIFACTS, name), fullPage });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    library = mkdtempSync(join(tmpdir(), 'studio-e2e-library-'));
    server = spawn(process.execPath, ['dist/main/server/serve.js', '--port', '0', '--library', library], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, XDG_CACHE_HOME: join(library, '.cache') },
    });
    const first = await new Promise<string>((ok, fail) => {
      createInterface({ input: server.stdout! }).once('line', ok);
      server.once('exit', (code) => fail(new Error(`server exited (${code}) before printing its URL`)));
    });
    url = new URL(first.trim());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 960 },
      acceptDownloads: true,
      locale: 'zh-CN',
    });
    page = await context.newPage();
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.origin === url.origin) return route.continue();
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (library) rmSync(library, { recursive: true, force: true });
  });

  it('6 m banner × 20 rows with one bad row → progress, the failure by row, a zip of 19 PDFs', async () => {
    await page.goto(url.href);
    await page.locator('cs-app button[data-screen="batch"]').click();

    // 1. Template: grouped cards with thumbnails.
    const card = page.locator(`cs-batch-templates button.card[data-template="${TEMPLATE}"]`);
    await card.waitFor();
    await expect(page.locator('cs-batch-templates h3').first().textContent()).resolves.toBe('横幅');
    await page.waitForFunction(() => {
      const el = document
        .querySelector('cs-app')!
        .shadowRoot!.querySelector('cs-batch')!
        .shadowRoot!.querySelector('cs-batch-templates')!;
      return Array.from(el.shadowRoot!.querySelectorAll('img'))
        .slice(0, 12)
        .every((i) => i.complete && i.naturalWidth > 0);
    });
    await shot('batch-1-templates.png', false);
    await card.click();
    await page.locator(`cs-batch .chosen[data-chosen="${TEMPLATE}"]`).waitFor();

    // 2. Table: a GBK CSV through the file picker.
    await page
      .locator('cs-batch-table input[type="file"]')
      .setInputFiles({ name: '派出所名单.csv', mimeType: 'text/csv', buffer: stationsCsv() });
    await expect
      .poll(() => page.locator('cs-batch-table .summary').textContent())
      .toBe('派出所名单.csv：20 行数据，3 列');
    expect(await page.locator('cs-batch-table tbody tr').first().locator('td').nth(1).textContent()).toBe(unitOf(1));

    // 3. Mapping: 标语 and 热线 found by header; the unit goes into the banner's 标题 by hand.
    expect(await page.locator('cs-batch-mapping select[name="slot-slogan"]').inputValue()).toBe('标语');
    expect(await page.locator('cs-batch-mapping select[name="slot-hotline"]').inputValue()).toBe('热线');
    expect(await page.locator('cs-batch-mapping select[name="slot-title"]').inputValue()).toBe('');
    expect(await page.locator('cs-batch-mapping .foot').textContent()).toContain('单位');
    // Previews: the first 3 rows as <img> of blob: SVGs, labelled by row; they follow the mapping.
    const previews = page.locator('cs-batch-previews li');
    await expect.poll(() => previews.count()).toBe(3);
    const before = await page.locator('cs-batch-previews img').first().getAttribute('src');
    await page.locator('cs-batch-mapping select[name="slot-title"]').selectOption('单位');
    await expect.poll(() => page.locator('cs-batch-mapping .foot').textContent()).toContain('每一列都已用上');
    await expect.poll(() => page.locator('cs-batch-previews img').first().getAttribute('src')).not.toBe(before);
    await page.waitForFunction(() => {
      const el = document
        .querySelector('cs-app')!
        .shadowRoot!.querySelector('cs-batch')!
        .shadowRoot!.querySelector('cs-batch-previews')!;
      const imgs = Array.from(el.shadowRoot!.querySelectorAll('img'));
      return imgs.length === 3 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    for (const src of await page
      .locator('cs-batch-previews img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src)))
      expect(src).toMatch(/^blob:/);
    expect(await page.locator('cs-batch-previews svg').count()).toBe(0);
    expect(await previews.nth(0).locator('.head span').first().textContent()).toBe('第 1 行');
    await expect
      .poll(() => page.locator(`cs-batch-previews li.bad[data-row="${BAD_ROW}"] .problem`).textContent())
      .toMatch(/放不下|太长|溢出/);
    expect(await page.locator('cs-batch-previews li.bad').count()).toBe(1);
    await shot('batch-2-mapping-previews.png');

    // 4. Output: one PDF per row; the file-name pattern built with the column chips.
    await page.locator('cs-batch-output input[name="output"][value="pdf"]').check();
    await page.locator('cs-batch-output #pattern').fill('');
    await page.locator('cs-batch-output .chips button[data-token="序号"]').click();
    await page.locator('cs-batch-output #pattern').press('End');
    await page.keyboard.type('-');
    await page.locator('cs-batch-output .chips button[data-token="单位"]').click();
    await page.keyboard.type('-横幅');
    expect(await page.locator('cs-batch-output #pattern').inputValue()).toBe('{序号}-{单位}-横幅');
    await expect
      .poll(() => page.locator('cs-batch-output .file-example').textContent())
      .toBe(`01-${unitOf(1)}-横幅.pdf`);
    await expect.poll(() => page.locator('cs-batch-output .download-name').textContent()).toMatch(/\.zip$/);
    expect(await page.locator('cs-batch-output .note').allTextContents()).toContainEqual(
      expect.stringContaining('ZIP'),
    );
    await shot('batch-3-output.png');

    // 5. Run: progress (aria-live), then the summary and the failed row.
    const seen = new Set<string>();
    const t0 = Date.now();
    await page.locator('cs-batch-run button.start').click();
    const status = page.locator('cs-batch-run .status');
    const summary = page.locator('cs-batch-run .summary');
    let progressShot = false;
    while (!(await summary.count())) {
      const text = await status.textContent({ timeout: 100 }).catch(() => null);
      if (text) {
        seen.add(text);
        if (!progressShot && /已完成 [1-9]/.test(text)) {
          progressShot = true;
          await shot('batch-4-progress.png');
        }
      }
      if (Date.now() - t0 > 120_000) throw new Error('batch did not finish in 2 minutes');
      await page.waitForTimeout(40);
    }
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `[e2e] batch 20 rows: ${seconds.toFixed(1)} s (6 m banner → 19 PDFs + zip, worker thread; progress seen: ${[...seen].slice(0, 3).join(' | ')}…)`,
    );
    expect([...seen].some((s) => /正在生成：已完成 \d+ \/ 20 行/.test(s))).toBe(true);
    expect((await summary.textContent())!.replace(/\s/g, '')).toBe('成功19行，失败1行');
    const failures = page.locator('cs-batch-run ul.rows li');
    expect(await failures.count()).toBe(1);
    expect(await failures.first().getAttribute('data-row')).toBe(String(BAD_ROW));
    expect(await failures.first().textContent()).toMatch(
      new RegExp(`第 ${BAD_ROW} 行（表格第 ${BAD_ROW + 1} 行）.*标语`),
    );
    await shot('batch-5-done.png');

    // Download the zip: 19 PDFs, each with its station's name in its text; and the failure CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('cs-batch-run button.download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = await zipEntries((await download.path())!);
    const pdfs = [...zip.keys()].filter((n) => n.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(19);
    expect(pdfs[0]).toBe(`01-${unitOf(1)}-横幅.pdf`);
    expect(pdfs.some((n) => n.startsWith(`0${BAD_ROW}-`))).toBe(false);
    const pdf = PdfReader.open(zip.get(`15-${unitOf(15)}-横幅.pdf`)!);
    expect(pdf.text().replace(/\s/g, '')).toContain(unitOf(15));
    pdf.close();
    expect(zip.get('报告.txt')!.toString('utf8')).toContain(`第 ${BAD_ROW} 行`);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('cs-batch-run button.report').click(),
    ]);
    const csv = readFileSync((await report.path())!, 'utf8');
    expect(report.suggestedFilename()).toBe('派出所名单-失败的行.csv');
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^${BAD_ROW},${BAD_ROW + 1},`));

    // English switch: the screen follows.
    await page.locator('cs-app button.lang').click();
    await expect.poll(() => summary.textContent()).toContain('19 rows made');
    await shot('batch-6-english.png');

    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a photo poster: photos handed over beside the table fill its photo column', async () => {
    const TPL = 'poster-50x70-photo';
    // The previous test ended in English; this one reads the Chinese text.
    await page.evaluate(() => localStorage.setItem('campaign-studio.locale', 'zh-CN'));
    await page.goto(url.href);
    await page.locator('cs-app button[data-screen="batch"]').click();
    await page.locator(`cs-batch-templates button.card[data-template="${TPL}"]`).click();
    await page.locator(`cs-batch .chosen[data-chosen="${TPL}"]`).waitFor();
    const csv =
      '单位,标语,照片\r\n城关派出所,白菜青菜油麦菜、莫给骗子当韭菜,城关.png\r\n东关派出所,乌鸡土鸡大公鸡、听说转账就挂机,东关.png\r\n';
    await page
      .locator('cs-batch-table input[type="file"]')
      .setInputFiles({ name: '照片名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('cs-batch-previews li').count()).toBe(2);
    // Before the photos arrive both rows would fail on their missing photo.
    await expect.poll(() => page.locator('cs-batch-previews li.bad').count()).toBe(2);
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 30, g: 90, b: 200 } } })
      .png()
      .toBuffer();
    await page
      .locator('cs-batch-images input[name="photos"]')
      .setInputFiles([{ name: '城关.png', mimeType: 'image/png', buffer: png }]);
    await expect.poll(() => page.locator('cs-batch-images .status').textContent()).toContain('已添加 1 张照片');
    await expect.poll(() => page.locator('cs-batch-previews li.bad').count()).toBe(1);
    expect(await page.locator('cs-batch-previews li.bad').getAttribute('data-row')).toBe('2');
    expect(await page.locator('cs-batch-previews li.bad .problem').textContent()).toContain(
      '无法读取图片「东关.png」：找不到这个文件',
    );
    await shot('batch-7-photos.png');
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
