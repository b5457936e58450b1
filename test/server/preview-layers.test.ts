import { afterAll, describe, expect, it } from 'vitest';
import { resultSchema } from '../../main/core/api.js';
import { moveElements, rotateElement, setContent, setHidden } from '../../main/core/design/edit.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { testContext } from '../helpers/context.js';
import { studioTemplate } from '../helpers/studio-designs.js';

/*
 * The live preview as the editor's canvas uses it (issue #15): one layer per element, framed to
 * where it draws, so the page moves an element under the pointer by moving its layer; and each
 * element's geometry — where it draws, and for a text its block and fitted size — which the page
 * does not compute itself.
 */
const ctx = testContext();
const h = createHandlers(ctx);
afterAll(() => ctx.dispose());

async function preview(design: unknown, have?: string[]) {
  const r = await h.previewSvg({ design, ...(have ? { have } : {}) });
  expect(resultSchema('previewSvg').safeParse(r).success).toBe(true);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as {
    layers: { kind: string; id: string; svg?: string; key?: string }[];
    elements: { id: string; ink?: any; block?: any; sizeMm?: number; illustration?: string }[];
  };
}
const viewBox = (svg: string) => /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);

describe('previewSvg for the canvas', () => {
  const poster = studioTemplate('poster-a2-red');

  it('gives a layer per element in drawing order, each framed to its own ink', async () => {
    const p = await preview(poster);
    expect(p.layers.map((l) => l.id)).toEqual(['background', ...poster.elements.map((e) => e.id)]);
    const qr = p.layers.find((l) => l.id === 'qr')!;
    const el = poster.elements.find((e) => e.id === 'qr')!;
    const [x, y, w] = viewBox(qr.svg!);
    if (el.type !== 'qr') throw new Error('qr');
    expect(x).toBeCloseTo(el.box.x - 0.5, 1);
    expect(y).toBeCloseTo(el.box.y - 0.5, 1);
    expect(w).toBeLessThan(el.box.w + 2);
    // Moving one element changes its layer only: the page keeps every other image.
    const moved = await preview(moveElements(poster, ['qr'], 10, 0));
    const changed = moved.layers.filter((l, i) => l.svg !== p.layers[i]!.svg).map((l) => l.id);
    expect(changed).toEqual(['qr']);
  });

  it('reports where each element draws, and a text block and its fitted size', async () => {
    const p = await preview(poster);
    const slogan = p.elements.find((e) => e.id === 'slogan')!;
    expect(slogan.sizeMm).toBeGreaterThan(10);
    expect(slogan.block.w).toBeGreaterThan(0);
    const box = poster.elements.find((e) => e.id === 'slogan')!;
    if (box.type !== 'text') throw new Error('text');
    expect(slogan.block.x).toBeGreaterThanOrEqual(box.box.x - 1);
    expect(slogan.ink.w).toBeGreaterThan(0);
    // A turned QR code draws over its turned extent; a hidden one is in no layer.
    const turned = await preview(rotateElement(poster, 'qr', 45));
    const ink = turned.elements.find((e) => e.id === 'qr')!.ink;
    expect(ink.w).toBeGreaterThan(1.3 * (poster.elements.find((e) => e.id === 'qr') as { box: { w: number } }).box.w);
    const hidden = await preview(setHidden(poster, ['qr'], true));
    expect(hidden.layers.map((l) => l.id)).not.toContain('qr');
  });

  it('says which picture a goods picture draws now, from its text (the page copies that one)', async () => {
    const fresh = studioTemplate('tag-hanging-70x100-fresh');
    const follower = fresh.elements.find((e) => e.type === 'illustration' && e.follow)!;
    if (follower.type !== 'illustration') throw new Error('no follower');
    const drawn = async (text: string) =>
      (await preview(setContent(fresh, follower.follow!.element, text))).elements.find((e) => e.id === follower.id)!
        .illustration;
    expect(await drawn('鲫鱼草鱼多宝鱼、转账汇款要三思')).toBe('fish');
    expect(await drawn('白菜青菜油麦菜、莫给骗子当韭菜')).toBe('leafy-green');
    // Only pictures that follow a text carry the field.
    const followers = poster.elements.filter((e) => e.type === 'illustration' && e.follow).map((e) => e.id);
    const said = (await preview(poster)).elements.filter((e) => e.illustration).map((e) => e.id);
    expect(said.sort()).toEqual([...followers].sort());
  });

  it('answers the layers the page holds by key only, and a changed one whole', async () => {
    const whole = await preview(poster);
    const keys = whole.layers.flatMap((l) => (l.key ? [l.key] : []));
    expect(new Set(keys).size).toBeGreaterThan(3);
    // A keystroke: every layer but the slogan's is named and unchanged, so only the slogan's markup comes back.
    const typed = setContent(poster, 'slogan', '白菜青菜油麦菜，莫给骗子当韭');
    const answer = await preview(typed, keys);
    expect(answer.layers.filter((l) => l.kind === 'svg').map((l) => l.id)).toEqual(['slogan']);
    expect(answer.layers.filter((l) => l.kind === 'known').every((l) => !l.svg && keys.includes(l.key!))).toBe(true);
    // The same layers in the same order as the whole answer, each with the key of its markup.
    const fresh = await preview(typed);
    expect(answer.layers.map((l) => [l.id, l.key])).toEqual(fresh.layers.map((l) => [l.id, l.key]));
    const slogan = fresh.layers.find((l) => l.id === 'slogan')!;
    expect(slogan.key).not.toBe(whole.layers.find((l) => l.id === 'slogan')!.key);
    expect(answer.layers.find((l) => l.id === 'slogan')!.svg).toBe(slogan.svg);
    // A named layer whose markup changed (moved) comes back whole; keys of nothing shown change nothing.
    const moved = await preview(moveElements(poster, ['qr'], 10, 0), [...keys, 'x'.repeat(27)]);
    expect(moved.layers.filter((l) => l.kind === 'svg').map((l) => l.id)).toEqual(['qr']);
  });

  it('refuses a `have` that is not a list of keys', async () => {
    for (const have of ['abc', ['x'.repeat(65)], Array.from({ length: 10_001 }, () => 'k')]) {
      const r = await h.previewSvg({ design: poster, have });
      expect(r.ok).toBe(false);
    }
  });
});
