import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StudioDesign } from '../../main/core/design/design.js';
import { ARTIFACTS, percentiles, type Studio } from './harness.js';

/*
 * The editor's canvas from a test: page millimetres to screen points, the design as the session
 * holds it and as a saved file holds it, and the frame-time recorder for drags.
 */

export interface Opened {
  page: Page;
  close(): Promise<void>;
}

/** A fresh page (no autosave from an earlier test) on a template's editor, the preview drawn. */
export async function openTemplate(
  studio: Studio,
  id: string,
  viewport = { width: 1366, height: 768 },
): Promise<Opened> {
  const { page, context } = await studio.newPage();
  await page.setViewportSize(viewport);
  await page.goto(studio.url.href);
  await page.locator(`button.card[data-template="${id}"]`).click();
  await page.locator('cs-preview img.layer').first().waitFor();
  await settled(page);
  return { page, close: () => context.close() };
}

/** The design the editor holds now. */
export const design = (page: Page): Promise<StudioDesign> =>
  page.evaluate(
    () =>
      (document.querySelector('cs-app') as unknown as { doc: { session: { design: StudioDesign } } }).doc.session
        .design,
  );

export const element = async (page: Page, id: string) => (await design(page)).elements.find((e) => e.id === id)!;

/** The preview on screen is the one of the design the editor holds (no drag or edit in flight). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const editor = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-editor');
    const p = editor?.shadowRoot!.querySelector('cs-preview') as unknown as {
      shownFor?: unknown;
      design?: unknown;
    } | null;
    return !!p && p.shownFor === p.design;
  });
}

/** A point of the page (mm from the trim's top-left corner) on screen. */
export async function screenAt(page: Page, xMm: number, yMm: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('cs-preview .sheet').boundingBox())!;
  const f = (await design(page)).format;
  const k = box.width / (f.widthMm + 2 * f.bleedMm);
  return { x: box.x + (xMm + f.bleedMm) * k, y: box.y + (yMm + f.bleedMm) * k };
}

/** Screen px per mm on the canvas now. */
export async function pxPerMm(page: Page): Promise<number> {
  const box = (await page.locator('cs-preview .sheet').boundingBox())!;
  const f = (await design(page)).format;
  return box.width / (f.widthMm + 2 * f.bleedMm);
}

/** The middle of an element's box on screen. */
export async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const el = await element(page, id);
  if (el.type === 'line') return screenAt(page, (el.from.x + el.to.x) / 2, (el.from.y + el.to.y) / 2);
  return screenAt(page, el.box.x + el.box.w / 2, el.box.y + el.box.h / 2);
}

/** A pointer drag in `steps` moves; `alt` holds Alt (no snapping). */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  opts: { steps?: number; alt?: boolean; shift?: boolean } = {},
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  if (opts.alt) await page.keyboard.down('Alt');
  if (opts.shift) await page.keyboard.down('Shift');
  const n = opts.steps ?? 12;
  for (let i = 1; i <= n; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / n, from.y + ((to.y - from.y) * i) / n);
  await page.mouse.up();
  if (opts.shift) await page.keyboard.up('Shift');
  if (opts.alt) await page.keyboard.up('Alt');
}

/** 另存为 in browser mode: the name asked in the studio's dialog, then the download, read back. */
export async function saveAs(page: Page, name: string): Promise<{ design: StudioDesign; fileName: string }> {
  await page.locator('cs-editor button.save-as').click();
  const field = page.locator('cs-ask-dialog input[name="ask-field"]');
  await field.waitFor();
  await field.fill(name);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('cs-ask-dialog button.ask-save').click(),
  ]);
  const path = await download.path();
  return { design: JSON.parse(readFileSync(path, 'utf8')) as StudioDesign, fileName: download.suggestedFilename() };
}

export const shot = (page: Page, name: string) => page.screenshot({ path: resolve(ARTIFACTS, name) });

/**
 * Starts recording frames: for each animation frame, the main thread's time from the frame's
 * first callback to the end of its rendering (a task queued then runs after paint), and the
 * interval between frames.
 */
export async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __work: number[]; __gaps: number[]; __rec: boolean };
    w.__work = [];
    w.__gaps = [];
    w.__rec = true;
    let last = 0;
    const tick = (t: number) => {
      if (!w.__rec) return;
      if (last) w.__gaps.push(t - last);
      last = t;
      const t0 = performance.now();
      requestAnimationFrame(tick);
      setTimeout(() => w.__work.push(performance.now() - t0), 0);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording and prints the figures; returns the frame work times. */
export async function frameFigures(page: Page, what: string): Promise<{ median: number; p95: number; n: number }> {
  const { work, gaps } = await page.evaluate(() => {
    const w = window as unknown as { __work: number[]; __gaps: number[]; __rec: boolean };
    w.__rec = false;
    return { work: w.__work, gaps: w.__gaps };
  });
  const p = percentiles(work);
  const s = [...work].sort((a, b) => a - b);
  const p95 = s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
  const g = percentiles(gaps);
  console.log(
    `[e2e] drag frame time on ${what}: median ${p.median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${p.max.toFixed(1)} ms (n=${work.length}; target median ≤ 16, p95 ≤ 33: ${p.median <= 16 && p95 <= 33 ? 'met' : 'NOT met'}); frame interval median ${g.median.toFixed(1)} ms, p90 ${g.p90.toFixed(1)} ms`,
  );
  expect(work.length).toBeGreaterThan(10);
  return { median: p.median, p95, n: work.length };
}
