import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StudioDesign } from '../../main/core/design/design.js';
import type { Element } from '../../main/core/design/elements.js';
import { plainPhoto } from '../helpers/photos.js';
import { centreOf, design, screenAt, settled, shot } from './editor-helpers.js';
import { studioForSuite, type Studio } from './harness.js';

/*
 * Copy and paste between designs (issue #15 §2), in real Chromium through browser mode: two
 * studio windows of one browser profile, a 6 m banner and a 50×70 cm poster. What is copied from
 * the banner (a picture that follows the slogan's goods, and a photo dropped from a file, by
 * sha256) lands in the poster with the same content and style, inside the poster's page, as one
 * undo step; a second paste does not cover the first; the banner is left as it was; and the copy
 * is still there after the poster's window is reloaded (local storage and the system clipboard
 * both outlive a reload).
 */
type Boxed = { box: { x: number; y: number; w: number; h: number } };

/** A template opened in a new window of `context` (the same profile: one clipboard, one local storage). */
async function openIn(context: BrowserContext, url: string, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await page.locator(`button.card[data-template="${id}"]`).click();
  await page.locator('cs-preview img.layer').first().waitFor();
  await settled(page);
  return page;
}

/**
 * Two windows of one browser profile on two templates, the first in front. Both open before
 * anything changes (an unsaved change would be offered to the second window to recover).
 */
async function twoWindows(studio: Studio, from: string, to: string) {
  const { page: blank, context } = await studio.newPage();
  await blank.close();
  const a = await openIn(context, studio.url.href, from);
  const b = await openIn(context, studio.url.href, to);
  await a.bringToFront();
  return { a, b, context };
}

/** Ctrl+V on the canvas of `page`, which then holds `count` elements; the design after it. */
async function pasteIn(page: Page, count: number): Promise<StudioDesign> {
  await page.locator('cs-preview .stage').focus();
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await design(page)).elements.length).toBe(count);
  await settled(page);
  return design(page);
}

/** A photo file dropped on the canvas at a point of the page (mm). */
async function dropPhoto(page: Page, xMm: number, yMm: number, jpeg: Buffer): Promise<void> {
  const at = await screenAt(page, xMm, yMm);
  const dt = await page.evaluateHandle(
    ([b64]) => {
      const d = new DataTransfer();
      d.items.add(new File([Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0))], '现场.jpg', { type: 'image/jpeg' }));
      return d;
    },
    [jpeg.toString('base64')],
  );
  await page.locator('cs-preview .stage').dispatchEvent('drop', { dataTransfer: dt, clientX: at.x, clientY: at.y });
}

/** The boxes of `els`, which must all lie inside the page of `d` (its trim). */
function insidePage(d: StudioDesign, els: Element[]): Boxed['box'][] {
  return els.map((el) => {
    const box = (el as Element & Boxed).box;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(d.format.widthMm);
    expect(box.y + box.h).toBeLessThanOrEqual(d.format.heightMm);
    return box;
  });
}

/** Click the first, Shift-click the rest: the selection is exactly `ids`. */
async function select(page: Page, ids: string[]): Promise<void> {
  await page.locator('cs-preview .stage').focus();
  await page.keyboard.press('Escape');
  for (const [i, id] of ids.entries()) {
    const c = await centreOf(page, id);
    if (i) await page.keyboard.down('Shift');
    await page.mouse.click(c.x, c.y);
    if (i) await page.keyboard.up('Shift');
    await page.locator(`cs-preview .sel[data-sel="${id}"]`).waitFor();
  }
  await expect.poll(() => page.locator('cs-preview .sel').count()).toBe(ids.length);
}

/**
 * An element as the user sees it: everything but its id, place and asset key (a new design names
 * them anew) and what a picture follows (checked on its own).
 */
function look(el: Element, d: StudioDesign): unknown {
  const {
    id: _id,
    box: _box,
    locked: _locked,
    follow: _follow,
    ...rest
  } = el as Element & Boxed & { locked?: boolean; follow?: unknown };
  const { w, h } = (el as Element & Boxed).box;
  if (rest.type === 'image' && rest.asset) return { ...rest, asset: d.assets[rest.asset]?.sha256, w, h };
  return { ...rest, w, h };
}

const undoTitle = (page: Page) => page.locator('cs-editor button.undo').getAttribute('title');

/** Every layer of the pasted elements is on screen and loaded (a photo: its picture, fetched by sha256). */
async function layersLoaded(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((ids) => {
    const preview = document
      .querySelector('cs-app')!
      .shadowRoot!.querySelector('cs-editor')!
      .shadowRoot!.querySelector('cs-preview')!.shadowRoot!;
    return ids.every((id) => {
      const imgs = Array.from(
        preview.querySelectorAll<HTMLImageElement>(`img[data-layer="${id}"], img[data-photo="${id}"]`),
      );
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
  }, ids);
}

describe.skipIf(!process.env.STUDIO_E2E)('copy and paste between designs in Chromium', () => {
  const studio = studioForSuite();

  it('pastes a picture and a photo from a 6 m banner into a 50×70 poster, inside its page, as one undo step', async () => {
    const { a, b, context } = await twoWindows(studio(), 'banner-red-600x70', 'poster-50x70-photo');
    // A photo from a file, dropped near the banner's right-hand goods picture (the chicken).
    await dropPhoto(a, 5620, 610, await plainPhoto(900, 600));
    await expect.poll(async () => (await design(a)).elements.some((e) => e.id === 'image')).toBe(true);
    await settled(a);
    await select(a, ['goods-2', 'image']);
    await a.keyboard.press('Control+c');
    const banner = await design(a);
    const copied = ['goods-2', 'image'].map((id) => banner.elements.find((e) => e.id === id)!);
    const sha = banner.assets[(copied[1] as { asset: string }).asset]!.sha256;

    await b.bringToFront();
    const before = await design(b);
    const n = before.elements.length;
    const poster = await pasteIn(b, n + 2);
    const pasted = poster.elements.slice(n);
    // The same content and style (the picture shows what it showed on the banner; the photo is the same file).
    const seen = [{ ...(look(copied[0]!, banner) as object), illustration: 'leafy-green' }, look(copied[1]!, banner)];
    expect(pasted.map((e) => look(e, poster))).toEqual(seen);
    expect(poster.assets[(pasted[1] as { asset: string }).asset]!.sha256).toBe(sha);
    // The picture follows the slogan's goods (its third: on the banner 白菜青菜油麦菜 draws a leafy
    // green, the stored 鸡 is only the fallback). Copied without its slogan it becomes the picture
    // it drew (the preview says which): following the poster's slogan (鲫鱼草鱼多宝鱼…) it would
    // draw a fish.
    expect(copied[0]).toMatchObject({ illustration: 'chicken', follow: { element: 'slogan', index: 2 } });
    expect(pasted[0]).toMatchObject({ illustration: 'leafy-green' });
    expect(pasted[0]).not.toHaveProperty('follow');
    // Inside the poster's page (the banner's place, 5.5 m from its left, is far off this page),
    // and placed as they were to each other.
    const f = poster.format;
    const [p0, p1] = insidePage(poster, pasted);
    const [c0, c1] = copied.map((e) => (e as Element & Boxed).box);
    expect(p1!.x - p0!.x).toBeCloseTo(c1!.x - c0!.x, 6);
    expect(p1!.y - p0!.y).toBeCloseTo(c1!.y - c0!.y, 6);
    // Drawn: both layers load, the photo fetched by its sha256.
    const ids = pasted.map((e) => e.id);
    await layersLoaded(b, ids);
    expect(await b.locator('cs-preview .sel').evaluateAll((l) => l.map((e) => e.getAttribute('data-sel')))).toEqual(
      ids,
    );
    await shot(b, 'paste-1-into-poster.png');

    // One undo step takes the whole paste away.
    expect(await undoTitle(b)).toBe('撤销：粘贴');
    await b.keyboard.press('Control+z');
    await expect.poll(async () => (await design(b)).elements.length).toBe(n);
    expect((await design(b)).elements).toEqual(before.elements);

    // Pasted twice: the second lands a step down and right of the first, not on it.
    await pasteIn(b, n + 2);
    const twice = (await pasteIn(b, n + 4)).elements.slice(n).map((e) => (e as Element & Boxed).box);
    const step = Math.round(Math.min(f.widthMm, f.heightMm) / 50);
    expect(twice[0]).toEqual(p0);
    expect(twice[2]!.x - twice[0]!.x).toBeCloseTo(step, 6);
    expect(twice[2]!.y - twice[0]!.y).toBeCloseTo(step, 6);
    expect(twice[3]!.x - twice[1]!.x).toBeCloseTo(step, 6);
    await layersLoaded(
      b,
      (await design(b)).elements.slice(n).map((e) => e.id),
    );
    await shot(b, 'paste-2-twice.png');

    // The banner is as it was when copied.
    expect(await design(a)).toEqual(banner);

    // After a reload of the poster's window (its unsaved work offered back from the autosave) the
    // copy is still there to paste: the system clipboard, and local storage where the page may
    // not read it, both outlive the page. It lands a step further on, clear of the two before.
    await b.locator('cs-editor .autosave[data-state="saved"]').waitFor();
    b.on('dialog', (d) => void d.accept()); // the warning before leaving unsaved work: leave
    await b.reload();
    await b.locator('cs-recovery-prompt dialog').waitFor();
    await b.locator('cs-recovery-prompt button.restore').click();
    await expect.poll(async () => (await design(b)).elements.length).toBe(n + 4);
    await b.locator('cs-preview img.layer').first().waitFor();
    await settled(b);
    const again = await pasteIn(b, n + 6);
    const third = again.elements.slice(n + 4);
    expect(third.map((e) => look(e, again))).toEqual(seen);
    expect((third[0] as Element & Boxed).box).toEqual({ ...p0!, x: p0!.x + 2 * step, y: p0!.y + 2 * step });
    await layersLoaded(
      b,
      third.map((e) => e.id),
    );
    await shot(b, 'paste-3-after-reload.png');
    await context.close();
  });

  it('pastes a text and a QR code from a 50×70 poster into an A3 poster, styled as they were, inside the page', async () => {
    const { a, b, context } = await twoWindows(studio(), 'poster-50x70-photo', 'poster-a3-blue');
    await select(a, ['qr', 'qr-label']);
    await a.keyboard.press('Control+c');
    const from = await design(a);
    const copied = ['qr', 'qr-label'].map((id) => from.elements.find((e) => e.id === id)!);
    await b.bringToFront();
    const n = (await design(b)).elements.length;
    const to = await pasteIn(b, n + 2);
    const pasted = to.elements.slice(n);
    // The A3 poster has a QR code and its label of its own: the copies get new ids, the same
    // words, font, colour and QR content.
    expect(pasted.map((e) => e.id)).toEqual(['qr-2', 'qr-label-2']);
    const { slot: _slot, ...qr } = copied[0] as Element & { slot?: string };
    expect(copied[0]).toHaveProperty('slot', 'qr');
    expect(pasted.map((e) => look(e, to))).toEqual([look(qr as Element, from), look(copied[1]!, from)]);
    // The copy never takes a slot the A3 poster has (its QR field would fill both).
    expect(pasted[0]).not.toHaveProperty('slot');
    expect(pasted[1]).toMatchObject({ type: 'text', text: '国家反诈中心 App' });
    // 570 mm down on the 50×70 poster is below the A3 page (420 mm): moved onto it, together.
    const [q, label] = insidePage(to, pasted);
    expect(label!.y - q!.y).toBeCloseTo(96, 6);
    await layersLoaded(
      b,
      pasted.map((e) => e.id),
    );
    await shot(b, 'paste-4-text-into-a3.png');
    expect(await design(a)).toEqual(from);
    await context.close();
  });
});
