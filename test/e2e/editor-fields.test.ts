import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TextElement } from '../../main/core/design/elements.js';
import { centreOf, element, openTemplate, settled } from './editor-helpers.js';
import { studioForSuite } from './harness.js';

/*
 * The style panel's number fields while the main side answers (real Chromium): a preview answer
 * redraws the panel, and what the user is typing in a field stays until Enter or leaving the field
 * commits it. The answers are held back by the test, so the redraw comes mid-typing every run.
 */

/** Holds the preview answers until `release()`: the main side's answer comes when the test says. */
async function holdPreviews(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/previewSvg', (route) => (holding ? void held.push(route) : route.continue()));
  return {
    held: () => held.length,
    async release() {
      holding = false;
      for (const r of held.splice(0)) await r.continue();
    },
  };
}

async function selectSlogan(page: Page) {
  await page.mouse.click(...(Object.values(await centreOf(page, 'slogan')) as [number, number]));
  await page.locator('cs-editor button.tab[data-tab="style"]').click();
  await page.locator('cs-text-style').waitFor();
}

const slogan = async (page: Page) => (await element(page, 'slogan')) as TextElement;

describe.skipIf(!process.env.STUDIO_E2E)('typing in the style panel while a preview answers, in Chromium', () => {
  const studio = studioForSuite();

  it('keeps 最小字号 typed between two keys when the answer of the last edit redraws the panel', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await selectSlogan(page);
    const writing = (w: string) => page.locator(`cs-text-style .seg[data-name="writing"] button[data-value="${w}"]`);
    await writing('vertical').click();
    await settled(page);
    const fittedVertical = await page.locator('cs-text-style .fitted').textContent();

    // The edit before the typing: its preview answer is held until the user has typed "1".
    const previews = await holdPreviews(page);
    await writing('horizontal').click();
    await expect.poll(previews.held).toBeGreaterThan(0);
    const min = page.locator('cs-text-style input#size-min');
    await min.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await previews.release();
    await settled(page);
    // The answer did redraw the text's fields (its fitted size is shown), and the "1" is still there.
    await expect.poll(() => page.locator('cs-text-style .fitted').textContent()).not.toBe(fittedVertical);
    expect(await min.inputValue()).toBe('1');
    await page.keyboard.type('2');
    expect(await min.inputValue()).toBe('12');
    expect((await slogan(page)).size).toMatchObject({ mode: 'fit', minMm: 120 });

    // Enter commits: the design takes 12, and the field shows the design's value from then on.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await slogan(page)).size).toMatchObject({ mode: 'fit', minMm: 12 });
    await settled(page);
    expect(await min.inputValue()).toBe('12');
    // Undo puts the design's 120 back into the field.
    await page.locator('cs-editor button.undo').click();
    await expect.poll(() => min.inputValue()).toBe('120');
    await close();
  });

  it('keeps a position filled before Enter when an answer comes between; a new selection shows its own value', async () => {
    const { page, close } = await openTemplate(studio(), 'banner-red-600x70');
    await selectSlogan(page);
    const x = page.locator('cs-arrange-fields input#f-x');
    expect(await x.inputValue()).toBe('700');

    // An edit whose answer is held, then the fill; the answer redraws the panel before Enter.
    const previews = await holdPreviews(page);
    await page.locator('cs-text-style cs-colour-field button[data-preset="banner-yellow"]').first().click();
    await expect.poll(previews.held).toBeGreaterThan(0);
    await x.fill('650');
    await previews.release();
    await settled(page);
    expect(await x.inputValue()).toBe('650');
    await x.press('Enter');
    await expect.poll(async () => (await slogan(page)).box.x).toBe(650);
    await settled(page);
    expect(await x.inputValue()).toBe('650');

    // Typing, then the selection moves to another element (the field keeps focus): the field shows
    // that element's place, and neither element moves when the field is left.
    await x.fill('3');
    await page.evaluate(() => {
      const editor = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-editor') as unknown as {
        selection: string[];
      };
      editor.selection = ['rule-top'];
    });
    await expect.poll(() => page.locator('cs-style-panel .sel-name').textContent()).not.toBe('标语');
    await expect.poll(() => x.inputValue()).toBe('100');
    await page.keyboard.press('Tab');
    await settled(page);
    expect((await element(page, 'rule-top')) as { box: { x: number } }).toMatchObject({ box: { x: 100 } });
    expect((await slogan(page)).box.x).toBe(650);
    await close();
  });
});
