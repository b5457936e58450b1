import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate, listTemplates } from '../../main/engine/templates.js';
import { planContactSheet, renderContactSheet, sheetOrder } from '../../main/engine/contact-sheet.js';
import { studio } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';

const dir = join(OUT_DIR, 'contact-sheet');
const p = (name: string) => join(dir, name);

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('contact sheet layout', () => {
  it('puts cells in rows, wide formats spanning two cells or the row, labels lined up', () => {
    const poster = { widthMm: 420, heightMm: 594 };
    const plan = planContactSheet(
      [poster, { widthMm: 3000, heightMm: 700 }, poster, { widthMm: 10000, heightMm: 700 }, poster],
      3,
      200,
    );
    // margin 25, gap 20: 3 × 200 + 2 × 20 + 2 × 25
    expect(plan.widthPx).toBe(690);
    const [a, b, c, d, e] = plan.cells;
    expect([a!.y, b!.y]).toEqual([a!.y, a!.y]);
    expect(b!.w).toBe(420);
    expect(c!.y).toBeGreaterThan(a!.y);
    expect(c!.x).toBe(25);
    expect(d!.w).toBe(640);
    expect(d!.y).toBeGreaterThan(c!.y);
    expect(e!.y).toBeGreaterThan(d!.y);
    for (const cell of plan.cells) {
      // the thumbnail keeps the format's proportions, sits inside its cell, on the row's baseline
      expect(cell.thumb.x).toBeGreaterThanOrEqual(cell.x);
      expect(cell.thumb.x + cell.thumb.w).toBeLessThanOrEqual(cell.x + cell.w);
      expect(cell.thumb.y + cell.thumb.h).toBe(cell.y + cell.h);
    }
    expect(a!.thumb.w / a!.thumb.h).toBeCloseTo(420 / 594, 1);
    expect(plan.heightPx).toBe(e!.y + e!.h + plan.labelH + 25);
  });

  it('orders the gallery kind by kind, banners first', () => {
    const kinds = sheetOrder(listTemplates()).map((t) => t.kind);
    expect(kinds[0]).toBe('banner');
    expect(kinds.at(-1)).toBe('wechat');
  });

  it('draws each thumbnail where the plan puts it', async () => {
    const ts = ['poster-a3-blue', 'banner-red-300x70'].map(getTemplate);
    const out = p('two.png');
    const r = await renderContactSheet(ts, { out, columns: 2, cellPx: 200 });
    expect(r.templates).toBe(2);
    const plan = planContactSheet(
      sheetOrder(ts).map((t) => t.format),
      2,
      200,
    );
    expect([r.widthPx, r.heightPx]).toEqual([plan.widthPx, plan.heightPx]);
    const { data, info } = await sharp(out).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    // banner first (kind order): a red field left of its centre line; then the blue poster.
    const [banner, poster] = plan.cells;
    const red = px(banner!.thumb.x + 6, banner!.thumb.y + 4);
    expect(red[0]).toBeGreaterThan(200);
    expect(red[1]).toBeLessThan(40);
    const blue = px(poster!.thumb.x + 6, poster!.thumb.y + Math.round(poster!.thumb.h / 2));
    expect(blue[2]).toBeGreaterThan(blue[0]! + 60);
  });
});

describe('campaign-studio contact-sheet', () => {
  it('writes one PNG with every template, labelled', async () => {
    const out = p('sheet.png');
    const r = await studio(['contact-sheet', '--out', out, '--columns', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { path: string; templates: number; widthPx: number; heightPx: number };
    expect(res.templates).toBe(listTemplates().length);
    const m = await sharp(out).metadata();
    expect(m.format).toBe('png');
    // margin 40, gap 32 at the default 320 px cells
    expect(m.width).toBe(5 * 320 + 4 * 32 + 2 * 40);
    expect([m.width, m.height]).toEqual([res.widthPx, res.heightPx]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('says what it wrote without --json', async () => {
    const r = await studio(['contact-sheet', '--out', p('sheet-small.jpg'), '--columns', '6', '--cell', '160']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${listTemplates().length} 个模板`);
    expect((await sharp(p('sheet-small.jpg')).metadata()).format).toBe('jpeg');
  });

  it('needs --out and a sensible column count (usage errors, exit 2)', async () => {
    const noOut = await studio(['contact-sheet']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const bad = await studio(['contact-sheet', '--out', p('bad.png'), '--columns', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--columns 应为 1 到 12 之间的整数');
    expect(readdirSync(dir)).not.toContain('bad.png');
  });
});
