import { describe, expect, it } from 'vitest';
import type { Design, TextElement } from '../../../main/core/index.js';
import { loadDesign } from '../../../main/engine/load-design.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { LayoutCache } from '../../../main/engine/scene/layout-cache.js';

/* A keystroke re-lays only the text it changed; any change to what a layout reads re-lays it. */

const poster = await loadDesign({ template: 'poster-a2-red' });
const slogan = poster.elements.find((e): e is TextElement => e.type === 'text' && e.slot === 'slogan')!;

const withSlogan = (d: Design, patch: Partial<TextElement>): Design => ({
  ...d,
  elements: d.elements.map((e) => (e.id === slogan.id ? ({ ...e, ...patch } as TextElement) : e)),
});

/** Without the faces: shared objects with caches of their own, and circular. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'face' ? undefined : x)));

/** The scene's texts as every writer sees them. */
const texts = (d: Design, cache: LayoutCache | null) => {
  const { scene, text } = buildScene(d, new Map(), { layouts: cache });
  return { items: plain(scene.items), notes: scene.notes, layouts: plain([...text]) };
};

const RED = { rgb: '#E60012' };
/** One change of each input a text's layout reads, on the slogan (a two-half jingle). */
const edits: [string, Partial<TextElement>][] = [
  ['text', { text: '萝卜土豆西红柿、骗子套路要识破' }],
  ['box x', { box: { ...slogan.box, x: slogan.box.x + 7 } }],
  ['box y', { box: { ...slogan.box, y: slogan.box.y + 7 } }],
  ['box width', { box: { ...slogan.box, w: slogan.box.w * 0.6 } }],
  ['box height', { box: { ...slogan.box, h: slogan.box.h * 0.5 } }],
  ['font family', { font: { family: 'Noto Serif SC', weight: 900 } }],
  ['font weight', { font: { family: 'Noto Sans SC', weight: 400 } }],
  ['fixed size', { size: { mode: 'fixed', mm: 30 } }],
  ['size range', { size: { mode: 'fit', minMm: 5, maxMm: 20 } }],
  ['colour', { colour: { rgb: '#123456' } }],
  ['stroke', { stroke: { colour: RED, widthMm: 1.5 } }],
  ['letter spacing', { letterSpacing: 0.2 }],
  ['line height', { lineHeight: 1.6 }],
  ['align', { align: 'left' }],
  ['valign', { valign: 'top' }],
  ['writing', { writing: 'vertical' }],
  [
    'balance',
    { balance: false, text: '陌生来电说退款先挂电话再核实不要点开对方发来的任何链接', size: { mode: 'fixed', mm: 30 } },
  ],
  ['break punctuation', { breakPunctuation: 'space' }],
  ['emphasis', { emphasis: { rhymes: { colour: RED, scale: 1.3 } } }],
  ['word colours', { wordColours: [{ word: '骗子', colour: RED }] }],
  ['outer stroke', { outerStroke: { colour: RED, widthMm: 2 } }],
  ['shadow', { shadow: { colour: RED, dxMm: 2, dyMm: 3 } }],
  [
    'gradient',
    {
      gradient: {
        angleDeg: 90,
        stops: [
          { offset: 0, colour: RED },
          { offset: 1, colour: { rgb: '#FFE600' } },
        ],
      },
    },
  ],
];

describe('layout cache', () => {
  it('a keystroke re-lays only the text it changed, and hands the others back as they were', () => {
    const cache = new LayoutCache();
    const before = buildScene(poster, new Map(), { layouts: cache });
    const made = cache.misses;
    expect(made).toBe(poster.elements.filter((e) => e.type === 'text').length);
    const after = buildScene(withSlogan(poster, { text: `${slogan.text}鱼` }), new Map(), { layouts: cache });
    expect(cache.misses).toBe(made + 1);
    for (const [id, lay] of before.text) {
      if (id === slogan.id) expect(after.text.get(id)).not.toBe(lay);
      else expect(after.text.get(id)).toBe(lay);
    }
  });

  it.each(edits)('a change of %s re-lays the text, to what an uncached layout gives', (_, patch) => {
    const cache = new LayoutCache();
    texts(poster, cache);
    const edited = withSlogan(poster, patch);
    const misses = cache.misses;
    const got = texts(edited, cache);
    expect(cache.misses).toBe(misses + 1);
    expect(got).toEqual(texts(edited, null));
    expect(got).not.toEqual(texts(poster, null));
  });

  it("a change of the page's options re-lays its texts: the kind of material, the safe area", () => {
    for (const page of [
      { ...poster, kind: 'banner' as const },
      { ...poster, format: { ...poster.format, safeMm: poster.format.safeMm + 20 } },
    ]) {
      const cache = new LayoutCache();
      texts(poster, cache);
      const misses = cache.misses;
      const got = texts(page, cache);
      expect(cache.misses).toBeGreaterThan(misses);
      expect(got).toEqual(texts(page, null));
    }
  });

  it('keeps a bounded number of layouts, least recently used out first', () => {
    const cache = new LayoutCache(2);
    const opts = { breakPunctuation: 'space' as const };
    const [a, b, c] = ['一二三', '四五六', '七八九'].map((text) => ({ ...slogan, text }));
    cache.text(a!, opts);
    cache.text(b!, opts);
    cache.text(a!, opts); // a is now the most recently used
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
    cache.text(c!, opts); // b goes out, a stays
    cache.text(a!, opts);
    expect([cache.hits, cache.misses]).toEqual([2, 3]);
    cache.text(b!, opts);
    expect([cache.hits, cache.misses]).toEqual([2, 4]);
  });

  it('hands out frozen layouts: no writer can change a scene another scene shares', () => {
    const cache = new LayoutCache();
    const { text } = buildScene(poster, new Map(), { layouts: cache });
    const lay = text.get(slogan.id)!;
    expect(Object.isFrozen(lay)).toBe(true);
    expect(Object.isFrozen(lay.runs[0])).toBe(true);
    expect(Object.isFrozen(lay.runs[0]!.glyphs[0])).toBe(true);
    expect(() => {
      (lay.runs[0]!.glyphs as { x: number }[])[0]!.x = 0;
    }).toThrow(TypeError);
  });
});
