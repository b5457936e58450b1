import { describe, expect, it } from 'vitest';
import { guessKind } from '../../main/library/guess-kind.js';

/* Library import guesses the kind from size (issue #11: a 6 m banner PDF was labelled 海报, a poster PNG 微信图片). */
describe('guessKind', () => {
  it('reads physical sizes (PDF pages, images with a print resolution)', () => {
    const mm = (widthMm: number, heightMm: number) => guessKind({ widthMm, heightMm });
    expect([mm(6000, 700), mm(3000, 700), mm(10000, 900), mm(700, 3000)]).toEqual([
      'banner',
      'banner',
      'banner',
      'banner',
    ]);
    expect([mm(800, 2000), mm(600, 1600)]).toEqual(['rollup', 'rollup']);
    expect([mm(420, 594), mm(500, 700), mm(210, 297), mm(600, 900), mm(297, 210)]).toEqual([
      'poster',
      'poster',
      'poster',
      'poster',
      'poster',
    ]);
    expect([mm(60, 60), mm(100, 150)]).toEqual(['sticker', 'sticker']);
    // A2 at 150 dpi, stamped; a 1:10 banner file is still a banner by its shape.
    expect(guessKind({ widthPx: 2480, heightPx: 3508, dpi: 150 })).toBe('poster');
    expect(guessKind({ widthMm: 600, heightMm: 70 })).toBe('banner');
  });

  it('reads pixels: WeChat sizes, banner and poster shapes, phone screens; anything else is 其他', () => {
    const px = (widthPx: number, heightPx: number, dpi?: number) =>
      guessKind({ widthPx, heightPx, ...(dpi ? { dpi } : {}) });
    expect([px(1080, 1920, 96), px(1242, 2208), px(900, 383), px(500, 500, 72), px(1080, 2340)]).toEqual([
      'wechat',
      'wechat',
      'wechat',
      'wechat',
      'wechat',
    ]);
    expect([px(8504, 992, 36), px(1417, 1984, 72), px(2268, 5669, 72)]).toEqual(['banner', 'poster', 'rollup']);
    expect([px(4032, 3024, 72), px(1600, 1200), px(3000, 3000)]).toEqual(['other', 'other', 'other']);
    expect(guessKind({})).toBe('other');
  });
});
