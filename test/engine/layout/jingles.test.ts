import { describe, expect, it } from 'vitest';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { JINGLES, settingProblems, sloganTemplates, withSlogan } from '../../helpers/jingles.js';

describe('every template with a slogan slot × the jingle set', () => {
  it('has a set of real jingles: the three seeds, 7+7 to 10+10, short and long, four-clause', () => {
    expect(JINGLES.slice(0, 3)).toEqual([
      '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
      '白菜青菜油麦菜、莫给骗子当韭菜',
      '乌鸡土鸡大公鸡、听说转账就挂机',
    ]);
    expect(JINGLES.length).toBeGreaterThanOrEqual(23);
    const halves = JINGLES.map((j) => j.split('、').map((h) => h.length));
    expect(halves.some((h) => h.length === 2 && h[0] === 10 && h[1] === 10)).toBe(true);
    expect(halves.some((h) => h.length === 2 && h[0]! <= 5)).toBe(true);
    expect(halves.filter((h) => h.length === 4).length).toBeGreaterThanOrEqual(2);
  });

  it('has a checker that sees what the seed templates got wrong before (issue #13)', () => {
    expect(settingProblems('鲫鱼草鱼多宝鱼、不做骗子的网中鱼', ['鲫鱼草鱼多宝', '鱼、不做骗子', '的网中鱼'])).toEqual([
      expect.stringContaining('break inside a word at 6'),
      expect.stringContaining('halves not kept (3 lines)'),
    ]);
    expect(settingProblems('白菜青菜油麦菜、莫给骗子当韭菜', ['白菜青菜油', '麦菜、莫给', '骗子当韭菜'])).toHaveLength(
      2,
    );
    expect(settingProblems('白菜青菜油麦菜、莫给骗子当韭菜', ['白菜青菜', '油麦菜', '莫给骗子', '当韭菜'])).toEqual([]);
    expect(settingProblems('白菜青菜油麦菜、莫给骗子当韭菜', ['白菜青菜油麦菜、莫给骗子', '当韭菜'])).toHaveLength(1);
  });

  for (const { id, design, slogan } of sloganTemplates()) {
    it(`${id}: every jingle by words and halves, never overflowing`, () => {
      for (const j of JINGLES) {
        const lay = buildScene(withSlogan(design, j)).text.get(slogan.id)!;
        expect(settingProblems(j, lay.lines), `${j} on ${id}`).toEqual([]);
        expect(lay.overflow, `${j} on ${id}`).toBe(false);
        expect(lay.brokenWords).toEqual([]);
        if (slogan.writing === 'vertical') {
          // Columns start at the same height.
          const tops = new Map<number, number>();
          for (const r of buildScene(withSlogan(design, j)).scene.items)
            if (r.kind === 'text' && r.elementId === slogan.id && !r.decoration)
              for (const g of r.glyphs) {
                const col = Math.round(g.x / (r.sizeMm / 2));
                tops.set(col, Math.min(tops.get(col) ?? Infinity, g.y));
              }
          const ys = [...tops.values()];
          expect(Math.max(...ys) - Math.min(...ys), j).toBeLessThan(0.01);
        }
      }
    });
  }
});
