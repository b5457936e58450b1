import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plainPhoto } from '../helpers/photos.js';
import { centreOf, design, element, openTemplate, settled, shot } from './editor-helpers.js';
import { studioForSuite, type Studio } from './harness.js';

/*
 * The studio screens of issue #14 that the editor wave builds (issue #15): 本单位信息 (the unit's
 * details, pictures by reference), 关于 (licences), the start screen (recent designs, template
 * search and filters), the illustration picker, 仍导出样稿 in export, publish and batch; each looked
 * at in Chinese and English, at 1366×768 and 1440×900.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
];

async function fresh(studio: Studio, size = SIZES[0]!): Promise<{ page: Page; close: () => Promise<void> }> {
  const { page, context } = await studio.newPage();
  await page.setViewportSize(size);
  await page.goto(studio.url.href);
  await page.locator('cs-gallery button.card').first().waitFor();
  return { page, close: () => context.close() };
}

describe.skipIf(!process.env.STUDIO_E2E)('studio screens in Chromium', () => {
  const studio = studioForSuite();

  it('the start screen searches templates by name and filters them by kind, size and style', async () => {
    const { page, close } = await fresh(studio());
    const all = await page.locator('cs-gallery button.card[data-template]').count();
    const templates = await page.evaluate(
      () =>
        (document.querySelector('cs-app') as unknown as { templates: { id: string; kind: string; style?: string }[] })
          .templates,
    );
    expect(all).toBe(templates.length);
    await page.locator('cs-gallery input[name="q"]').fill('横幅');
    await expect.poll(() => page.locator('cs-gallery button.card[data-template]').count()).toBeLessThan(all);
    const titles = await page.locator('cs-gallery button.card[data-template] .title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((x) => x.includes('横幅'))).toBe(true);
    await page.locator('cs-gallery button.clear').click();
    await page.locator('cs-gallery select[name="kind"]').selectOption('poster');
    const posters = templates.filter((x) => x.kind === 'poster').length;
    await expect.poll(() => page.locator('cs-gallery button.card[data-template]').count()).toBe(posters);
    const sizes = await page.locator('cs-gallery select[name="size"] option').allTextContents();
    await page.locator('cs-gallery select[name="size"]').selectOption({ label: sizes[1]! });
    const sized = await page.locator('cs-gallery button.card[data-template] .desc').allTextContents();
    expect(sized.length).toBeGreaterThan(0);
    expect(sized.every((d) => d.startsWith(sizes[1]!))).toBe(true);
    await page.locator('cs-gallery button.clear').click();
    const styles = [...new Set(templates.flatMap((x) => (x.style ? [x.style] : [])))];
    if (styles.length) {
      await page.locator('cs-gallery select[name="style"]').selectOption(styles[0]!);
      await expect
        .poll(() => page.locator('cs-gallery button.card[data-template]').count())
        .toBe(templates.filter((x) => x.style === styles[0]).length);
    } else expect(await page.locator('cs-gallery select[name="style"]').count()).toBe(0);
    await page.locator('cs-gallery input[name="q"]').fill('没有这种模板');
    await expect
      .poll(() => page.locator('cs-gallery p.muted[aria-live]').textContent())
      .toContain('没有符合条件的模板');
    await close();
    for (const size of SIZES) {
      const p = await fresh(studio(), size);
      await p.page.waitForTimeout(800);
      await shot(p.page, `screens-gallery-${size.width}x${size.height}.png`);
      await p.close();
    }
  });

  it('keeps recent designs with a picture, named by the user, and opens them again', async () => {
    const { page, close } = await openTemplate(studio(), 'poster-a2-red');
    await page.locator('cs-editor input.name').fill('列东市场海报');
    await page.locator('cs-editor input.name').press('Enter');
    await page.locator('cs-slot-form textarea[name="slogan"]').fill('乌鸡土鸡大公鸡、听说转账就挂机');
    await settled(page);
    await page.waitForTimeout(2500);
    await page.locator('cs-app button[data-screen="gallery"]').click();
    const card = page.locator('cs-gallery button.card[data-recent]').first();
    await card.waitFor();
    expect(await card.locator('.title').textContent()).toBe('列东市场海报');
    expect(await card.locator('img').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await shot(page, 'screens-recent.png');
    await page.reload();
    // The unsaved changes are offered back first (the autosave); the recent design has them too.
    await page.locator('cs-recovery-prompt button.discard').click();
    await page.locator('cs-gallery button.card[data-recent]').first().click();
    await page.locator('cs-preview img.layer').first().waitFor();
    expect((await design(page)).name).toBe('列东市场海报');
    expect(await page.locator('cs-slot-form textarea[name="slogan"]').inputValue()).toBe(
      '乌鸡土鸡大公鸡、听说转账就挂机',
    );
    await close();
  });

  // Before 本单位信息 fills the unit profile: the unit must still show its sample here.
  it('仍导出样稿: samples are listed in Chinese, a finding leads to its field, the checkbox makes a proof', async () => {
    const { page, close } = await openTemplate(studio(), 'poster-a2-red');
    await page.locator('cs-editor button.open-export').click();
    const sample = page.locator('cs-export-dialog button.finding[data-code="placeholder"][data-element="unit"]');
    await sample.waitFor();
    expect(await sample.textContent()).toContain('「单位名称」还是模板示例');
    await page.locator('cs-export-dialog input[name="format"][value="pdf"]').check();
    await page.locator('cs-export-dialog button.start').click();
    await expect
      .poll(() => page.locator('cs-export-dialog p.error').textContent(), { timeout: 30_000 })
      .toContain('仍导出样稿');
    await shot(page, 'screens-export-samples.png');
    await page.locator('cs-export-dialog input[name="allow-placeholder"]').check();
    await page.locator('cs-export-dialog button.start').click();
    await page.locator('cs-export-dialog a.download, cs-export-dialog p.error').first().waitFor({ timeout: 60_000 });
    expect(
      await page.locator('cs-export-dialog p.error').count(),
      String(
        await page
          .locator('cs-export-dialog p.error')
          .first()
          .textContent()
          .catch(() => ''),
      ),
    ).toBe(0);
    // Clicking the sample closes the dialog and focuses the unit's field.
    await sample.click();
    await page.locator('cs-export-dialog dialog').waitFor({ state: 'hidden' });
    await expect
      .poll(() =>
        page.evaluate(() => {
          let a: Element | null = document.activeElement;
          while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
          return a?.getAttribute('name');
        }),
      )
      .toBe('unit');
    // Publish: the same list and checkbox.
    await page.locator('cs-editor button.open-publish').click();
    await page.locator('cs-publish-dialog button.finding[data-code="placeholder"]').first().waitFor();
    await page.locator('cs-publish-dialog input[name="allow-placeholder"]').check();
    await page.locator('cs-publish-dialog button.publish').click();
    await page.locator('cs-publish-dialog button.show-library').waitFor({ timeout: 60_000 });
    await close();
    // Batch: the checkbox goes into the batch's settings.
    const b = await fresh(studio());
    const plans: string[] = [];
    b.page.on('request', (r) => {
      if (r.url().includes('/api/planBatch')) plans.push(r.postData() ?? '');
    });
    await b.page.locator('cs-app button[data-screen="batch"]').click();
    await b.page.locator('cs-batch-templates button[data-template]').first().click();
    await b.page
      .locator('cs-batch input[type="file"]')
      .first()
      .setInputFiles({
        name: '单位.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('标语\n白菜青菜油麦菜、莫给骗子当韭菜\n'),
      });
    const box = b.page.locator('cs-batch-output input[name="allow-placeholder"]');
    await box.waitFor();
    await box.check();
    await expect.poll(() => plans.some((p) => p.includes('"allowPlaceholder":true'))).toBe(true);
    await b.close();
  });

  it('本单位信息: names, hotlines, QR payloads, logo and mascot by reference; templates open filled', async () => {
    const { page, close } = await fresh(studio());
    const bodies: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/saveProfile')) bodies.push(Buffer.byteLength(r.postData() ?? ''));
    });
    await page.locator('cs-app button[data-screen="settings"]').click();
    const s = page.locator('cs-settings');
    await s.locator('input[name="unit-full"]').fill('三明市公安局三元分局列东派出所');
    await s.locator('input[name="unit-short"]').fill('列东派出所');
    await s.locator('button.add-line').click();
    await s.locator('input[name="line-0-label"]').fill('列东派出所');
    await s.locator('input[name="line-0-number"]').fill('0598-8233110');
    await s.locator('input[name="qr-app"]').fill('https://example.gov.cn/app');
    await s
      .locator('input[name="logo"]')
      .setInputFiles({ name: '标志.png', mimeType: 'image/jpeg', buffer: await plainPhoto(600, 600) });
    await s.locator('img[alt="单位标志"]').waitFor();
    await s
      .locator('input[name="mascot"]')
      .setInputFiles({ name: '明警小花.jpg', mimeType: 'image/jpeg', buffer: await plainPhoto(400, 600) });
    await s.locator('input[name="mascot-name"]').fill('明警小花');
    await s.locator('select[name="style"]').selectOption('police-blue');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `screens-settings-${size.width}x${size.height}.png`);
    }
    await s.locator('button.save').click();
    await expect.poll(() => s.locator('p.ok').textContent()).toContain('已保存到');
    // The pictures went by reference: the request is a few kilobytes, not the images.
    expect(bodies.length).toBe(1);
    expect(bodies[0]).toBeLessThan(4096);
    // After a reload the screen shows what was saved; a template opens with it.
    await page.reload();
    await page.locator('cs-app button[data-screen="settings"]').click();
    await expect.poll(() => s.locator('input[name="unit-short"]').inputValue()).toBe('列东派出所');
    expect(await s.locator('input[name="mascot-name"]').inputValue()).toBe('明警小花');
    await page.locator('cs-app button[data-screen="gallery"]').click();
    await page.locator('button.card[data-template="poster-a2-red"]').click();
    await page.locator('cs-preview img.layer').first().waitFor();
    expect(((await element(page, 'unit')) as { text: string }).text).toBe('三明市公安局三元分局列东派出所');
    // The unit's logo from the 添加 menu, bound to the profile.
    await page.locator('cs-insert-menu button.toggle').click();
    await page.locator('cs-insert-menu button.add-logo').click();
    await expect
      .poll(async () => (await design(page)).elements.find((e) => e.type === 'image' && e.bind === 'logo'))
      .toBeTruthy();
    await close();
  });

  it('关于 lists the licences of what the studio ships', async () => {
    const { page, close } = await fresh(studio());
    await page.locator('cs-app button[data-screen="about"]').click();
    const notice = page.locator('cs-about pre.notice');
    await notice.waitFor();
    const text = (await notice.textContent())!;
    for (const s of ['SIL Open Font License', 'Fluent Emoji Flat', 'MIT License', 'jieba']) expect(text).toContain(s);
    await shot(page, 'screens-about.png');
    await close();
  });

  it('a picture chosen by hand in the style panel, searched in Chinese, stops following the slogan', async () => {
    const { page, close } = await openTemplate(studio(), 'tag-hanging-70x100-fresh');
    const follower = (await design(page)).elements.find((e) => e.type === 'illustration' && e.follow)!;
    await page.mouse.click(...(Object.values(await centreOf(page, follower.id)) as [number, number]));
    await page.locator('cs-editor button.tab[data-tab="style"]').click();
    const picker = page.locator('cs-style-panel cs-illustration-picker');
    for (const [q, id] of [
      ['鱼', 'fish'],
      ['手机', 'mobile-phone'],
      ['盾牌', 'shield'],
    ] as const) {
      await picker.locator('input').fill(q);
      await expect
        .poll(() => picker.locator('button[data-illustration]').first().getAttribute('data-illustration'))
        .toBe(id);
    }
    await picker.locator('input').fill('菜');
    const first = picker.locator('button[data-illustration]').first();
    await expect.poll(() => first.getAttribute('data-illustration')).not.toBe('shield');
    const picked = (await first.getAttribute('data-illustration'))!;
    await first.click();
    await expect
      .poll(async () => (await element(page, follower.id)) as { illustration: string })
      .toMatchObject({ illustration: picked });
    expect(await element(page, follower.id)).not.toHaveProperty('follow');
    await shot(page, 'screens-illustrations.png');
    await close();
  });

  it('the editor and its panels read in English', async () => {
    const { page, close } = await openTemplate(studio(), 'poster-50x70-photo', SIZES[1]);
    await page.locator('cs-app button.lang').click();
    await expect.poll(() => page.locator('cs-editor button.tab[data-tab="style"]').textContent()).toBe('Style');
    await page.mouse.click(...(Object.values(await centreOf(page, 'slogan')) as [number, number]));
    await page.locator('cs-editor button.tab[data-tab="style"]').click();
    await expect.poll(() => page.locator('cs-text-style label[for="font"]').textContent()).toBe('Font');
    await shot(page, 'screens-editor-english-1440x900.png');
    await page.locator('cs-app button[data-screen="settings"]').click();
    await expect.poll(() => page.locator('cs-settings h1').textContent()).toBe('Your unit’s details');
    await page.locator('cs-app button.lang').click();
    await close();
    for (const size of SIZES) {
      const p = await openTemplate(studio(), 'poster-50x70-photo', size);
      await p.page.mouse.click(...(Object.values(await centreOf(p.page, 'slogan')) as [number, number]));
      await p.page.waitForTimeout(500);
      await shot(p.page, `screens-editor-${size.width}x${size.height}.png`);
      await p.close();
    }
  });
});
