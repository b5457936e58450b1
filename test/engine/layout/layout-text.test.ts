import { describe, expect, it } from 'vitest';
import { layoutText, type TextLayout } from '../../../main/engine/layout/layout-text.js';
import { NO_LINE_START, NO_LINE_END, segment } from '../../../main/engine/layout/kinsoku.js';
import { textEl } from '../../helpers/designs.js';

/** The text of each line, rebuilt from placed glyphs grouped by baseline. */
function lines(l: TextLayout): string[] {
  const rows = new Map<number, { x: number; t: string }[]>();
  for (const r of l.runs)
    for (const g of r.glyphs) {
      const k = Math.round(g.y * 1000);
      rows.set(k, [...(rows.get(k) ?? []), { x: g.x, t: g.text }]);
    }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, gs]) =>
      gs
        .sort((a, b) => a.x - b.x)
        .map((g) => g.t)
        .join(''),
    );
}

function columns(l: TextLayout): string[] {
  const cols = new Map<number, { y: number; t: string; x: number }[]>();
  for (const r of l.runs)
    for (const g of r.glyphs) {
      // Column axis: glyphs of one column share their centre, whatever their width.
      const centre = Math.round(g.x + (r.sizeMm * r.face.font.getGlyph(g.gid).advanceWidth) / r.face.unitsPerEm / 2);
      cols.set(centre, [...(cols.get(centre) ?? []), { y: g.y, t: g.text, x: g.x }]);
    }
  return [...cols.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, gs]) =>
      gs
        .sort((a, b) => a.y - b.y)
        .map((g) => g.t)
        .join(''),
    );
}

describe('segment', () => {
  it('keeps numbers and Latin words whole and leaves CJK to the word segmenter', () => {
    expect(segment('拨打96110或App')).toEqual(['拨', '打', '96110', '或', 'App']);
    expect(segment('a b')).toEqual(['a', ' ', 'b']);
  });
});

describe('line breaking (禁则)', () => {
  it('never starts a line with closing punctuation or ends one with an opening bracket', () => {
    const text = '陌生来电不轻信，未知链接不点击。个人信息不透露！转账汇款多核实？「国家反诈中心」App（官方）下载';
    for (let w = 30; w <= 160; w += 7) {
      const l = layoutText(
        textEl({ text, box: { x: 0, y: 0, w, h: 2000 }, size: { mode: 'fixed', mm: 10 }, balance: false }),
      );
      const ls = lines(l);
      expect(ls.join('')).toBe(text);
      for (const line of ls) {
        expect(NO_LINE_START.has([...line][0]!), `line "${line}" at width ${w}`).toBe(false);
        expect(NO_LINE_END.has([...line].at(-1)!), `line "${line}" at width ${w}`).toBe(false);
      }
      for (const line of ls) expect(line.length * 10).toBeLessThanOrEqual(w + 10 + 1e-6);
    }
  });

  it('keeps a closing quote with the clause it closes (never a line of 」 alone)', () => {
    const text = '「在家兼职刷单，动动手指一天赚三百！」';
    const l = layoutText(
      textEl({ text, box: { x: 0, y: 0, w: 170, h: 88 }, size: { mode: 'fit', minMm: 7, maxMm: 18 } }),
    );
    const ls = lines(l);
    expect(ls.join('')).toBe(text);
    for (const line of ls) expect(NO_LINE_START.has([...line][0]!), `line "${line}"`).toBe(false);
  });

  it('honours explicit line breaks', () => {
    const l = layoutText(
      textEl({ text: '白菜\n青菜油麦菜', box: { x: 0, y: 0, w: 500, h: 500 }, size: { mode: 'fixed', mm: 10 } }),
    );
    expect(lines(l)).toEqual(['白菜', '青菜油麦菜']);
  });

  it('does not break a number', () => {
    const l = layoutText(
      textEl({
        text: '请拨打反诈专线96110',
        box: { x: 0, y: 0, w: 75, h: 500 },
        size: { mode: 'fixed', mm: 10 },
        balance: false,
      }),
    );
    expect(lines(l).some((x) => x.includes('96110'))).toBe(true);
  });
});

describe('auto-fit', () => {
  it('picks the largest size that fits, within 0.02 mm', () => {
    const box = { x: 0, y: 0, w: 200, h: 60 };
    const el = textEl({
      text: '未知链接不点击陌生来电不轻信',
      box,
      size: { mode: 'fit', minMm: 5, maxMm: 100 },
      balance: false,
    });
    const l = layoutText(el);
    expect(l.overflow).toBe(false);
    expect(l.block.w).toBeLessThanOrEqual(box.w + 1e-6);
    expect(l.block.h).toBeLessThanOrEqual(box.h + 1e-6);
    const bigger = layoutText({ ...el, size: { mode: 'fixed', mm: l.sizeMm + 0.02 } });
    expect(bigger.overflow).toBe(true);
  });

  it('stops at the maximum size', () => {
    const l = layoutText(
      textEl({ text: '防骗', box: { x: 0, y: 0, w: 1000, h: 1000 }, size: { mode: 'fit', minMm: 5, maxMm: 40 } }),
    );
    expect(l.sizeMm).toBe(40);
  });

  it('reports overflow when even the minimum size does not fit', () => {
    const l = layoutText(
      textEl({
        text: '白菜青菜油麦菜莫给骗子当韭菜',
        box: { x: 0, y: 0, w: 20, h: 20 },
        size: { mode: 'fit', minMm: 10, maxMm: 40 },
      }),
    );
    expect(l.overflow).toBe(true);
    expect(l.sizeMm).toBe(10);
  });

  it('sets a 7+7 slogan on its halves, the pause mark hanging outside the measure', () => {
    const l = layoutText(textEl({ text: '白菜青菜油麦菜、莫给骗子当韭菜', box: { x: 0, y: 0, w: 348, h: 220 } }));
    expect(l.balanced).toBe(true);
    expect(l.setting).toBe('halves');
    expect(lines(l)).toEqual(['白菜青菜油麦菜、', '莫给骗子当韭菜']);
    expect(l.sizeMm).toBeGreaterThan(45);
    // Centred on the characters: both lines of seven start at the same x, the 、 hangs after.
    const first = (line: number) =>
      Math.min(
        ...l.runs
          .flatMap((r) => r.glyphs)
          .filter((g) => Math.abs(g.y - l.runs[0]!.glyphs[0]!.y - line * 1.25 * l.sizeMm) < 0.01)
          .map((g) => g.x),
      );
    expect(first(0)).toBeCloseTo(first(1), 6);
    // The characters fill the measure, centred in the box; the mark hangs beyond it (the block says so).
    expect(first(0)).toBeCloseTo((348 - 7 * l.sizeMm) / 2, 6);
    expect(l.block.x + l.block.w).toBeGreaterThan(348 - first(0) + 0.2 * l.sizeMm);
  });

  it('drops the pause mark at the break in space mode and shows a space where the halves share a line', () => {
    const text = '白菜青菜油麦菜、莫给骗子当韭菜';
    const two = layoutText(textEl({ text, box: { x: 0, y: 0, w: 348, h: 220 }, breakPunctuation: 'space' }));
    expect(lines(two)).toEqual(['白菜青菜油麦菜', '莫给骗子当韭菜']);
    const one = layoutText(
      textEl({ text, box: { x: 0, y: 0, w: 5400, h: 520 }, size: { mode: 'fit', minMm: 100, maxMm: 430 } }),
      { breakPunctuation: 'space' },
    );
    expect(one.lines).toEqual(['白菜青菜油麦菜\u3000莫给骗子当韭菜']);
    // A pause typed at the very end is not a break between halves: it shows (the preview follows typing).
    const typing = layoutText(
      textEl({ text: '白菜青菜油麦菜、', box: { x: 0, y: 0, w: 5400, h: 520 }, breakPunctuation: 'space' }),
    );
    expect(typing.lines).toEqual(['白菜青菜油麦菜、']);
  });

  it('keeps a slogan on one line when the box is a wide banner', () => {
    const l = layoutText(
      textEl({
        text: '白菜青菜油麦菜、莫给骗子当韭菜',
        box: { x: 0, y: 0, w: 5400, h: 520 },
        size: { mode: 'fit', minMm: 100, maxMm: 430 },
      }),
    );
    expect(l.lineCount).toBe(1);
    expect(lines(l)[0]).toBe('白菜青菜油麦菜、莫给骗子当韭菜');
  });

  it('sets a 9+8 slogan by its halves too, even with balance off (never three lines)', () => {
    const text = '鲫鱼草鱼多宝鱼黄鱼，不做骗子的网中鱼';
    // Greedy wrapping would give 8+8+2 characters at 34.3 mm; two halves read far better.
    const box = { x: 0, y: 0, w: 300, h: 120 };
    expect(lines(layoutText(textEl({ text, box })))).toEqual(['鲫鱼草鱼多宝鱼黄鱼，', '不做骗子的网中鱼']);
    expect(lines(layoutText(textEl({ text, box, balance: false })))).toEqual([
      '鲫鱼草鱼多宝鱼黄鱼，',
      '不做骗子的网中鱼',
    ]);
  });
});

describe('alignment and spacing', () => {
  it('centres, left- and right-aligns lines in the box', () => {
    const box = { x: 10, y: 0, w: 100, h: 50 };
    const at = (align: string) =>
      layoutText(textEl({ text: '防骗', box, align, size: { mode: 'fixed', mm: 10 } })).block.x;
    expect(at('left')).toBeCloseTo(10, 6);
    expect(at('center')).toBeCloseTo(10 + 40, 6);
    expect(at('right')).toBeCloseTo(10 + 80, 6);
  });

  it('adds letter spacing between characters, not after the last', () => {
    const el = (letterSpacing: number) =>
      textEl({ text: '反诈', letterSpacing, size: { mode: 'fixed', mm: 10 }, align: 'left' });
    const a = layoutText(el(0));
    const b = layoutText(el(0.5));
    expect(b.block.w - a.block.w).toBeCloseTo(5, 6);
    expect(b.runs[0]!.glyphs[1]!.x - b.runs[0]!.glyphs[0]!.x).toBeCloseTo(15, 6);
  });

  it('places the first baseline at the ideographic ascent (0.88 em for Noto CJK) below the block top', () => {
    const l = layoutText(
      textEl({ text: '菜', box: { x: 0, y: 0, w: 100, h: 10 }, size: { mode: 'fixed', mm: 10 }, valign: 'top' }),
    );
    expect(l.runs[0]!.glyphs[0]!.y).toBeCloseTo(8.8, 6);
  });
});

describe('vertical writing (竖排)', () => {
  it('stacks characters top to bottom in columns running right to left', () => {
    const l = layoutText(
      textEl({
        text: '转账汇款多核实',
        writing: 'vertical',
        box: { x: 0, y: 0, w: 30, h: 42 },
        size: { mode: 'fixed', mm: 10 },
        balance: false,
      }),
    );
    expect(columns(l)).toEqual(['转账汇款', '多核实']);
  });

  it('uses vertical punctuation forms and keeps digits upright, one per cell', () => {
    const l = layoutText(
      textEl({
        text: '反诈，拨96110。',
        writing: 'vertical',
        box: { x: 0, y: 0, w: 20, h: 200 },
        size: { mode: 'fixed', mm: 10 },
        balance: false,
      }),
    );
    expect(columns(l)).toEqual(['反诈︐拨96110︒']);
    const ys = l.runs
      .flatMap((r) => r.glyphs)
      .map((g) => g.y)
      .sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeCloseTo(10, 6);
  });

  it('fits a vertical banner slogan into two columns by its halves, starting at the same height', () => {
    const el = textEl({
      text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
      writing: 'vertical',
      box: { x: 0, y: 0, w: 200, h: 800 },
    });
    const l = layoutText(el, { breakPunctuation: 'space' });
    expect(columns(l)).toEqual(['鲫鱼草鱼多宝鱼', '不做骗子的网中鱼']);
    const tops = l.runs.map((r) => Math.min(...r.glyphs.map((g) => g.y)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(1e-6);
    // The block (the longer column) is centred along the banner.
    expect(l.block.y + l.block.h / 2).toBeCloseTo(400, 6);
    expect(columns(layoutText(el))[0]).toBe('鲫鱼草鱼多宝鱼︑');
  });
});

describe('missing glyphs and fonts', () => {
  it('reports characters no font has and still draws a box for them', () => {
    const l = layoutText(textEl({ text: '防骗😀', size: { mode: 'fixed', mm: 10 } }));
    expect(l.missing).toEqual(['😀']);
    const glyphs = l.runs.flatMap((r) => r.glyphs);
    expect(glyphs).toHaveLength(3);
    expect(glyphs[2]!.gid).toBe(0);
  });

  it('stands a bundled family in for one not on this machine, and says so', () => {
    const l = layoutText(textEl({ text: '防骗', font: { family: '不存在的字体', weight: 400 } }));
    expect(l.substituted).toContain('不存在的字体');
    expect(l.runs[0]!.face.family).toBe('Noto Sans SC');
  });
});

describe('even lines', () => {
  it('wraps a text without clause breaks into even lines, never leaving one character alone', () => {
    const l = layoutText(
      textEl({
        text: '陌生来电不轻信',
        letterSpacing: 0.1,
        box: { x: 0, y: 0, w: 100, h: 30 },
        size: { mode: 'fit', minMm: 4, maxMm: 20 },
      }),
    );
    expect(lines(l).map((x) => x.length)).toEqual([4, 3]);
  });
  it('keeps greedy lines when balance is off', () => {
    const l = layoutText(
      textEl({
        text: '陌生来电不轻信',
        letterSpacing: 0.1,
        box: { x: 0, y: 0, w: 100, h: 30 },
        size: { mode: 'fit', minMm: 4, maxMm: 20 },
        balance: false,
      }),
    );
    // Greedy, but by words: 陌生|来电|不|轻信.
    expect(lines(l)).toEqual(['陌生来电不', '轻信']);
  });
});
