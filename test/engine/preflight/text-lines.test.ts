import { describe, expect, it } from 'vitest';
import { designFromTemplate } from '../../../main/core/index.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { getTemplate } from '../../../main/engine/templates.js';
import { design } from '../../helpers/designs.js';
import { withSlogan } from '../../helpers/jingles.js';

const el = (over: Record<string, unknown>) => ({
  id: 'slogan',
  label: '标语',
  type: 'text',
  box: { x: 20, y: 20, w: 170, h: 100 },
  size: { mode: 'fixed', mm: 10 },
  font: { family: 'Noto Sans SC', weight: 900 },
  ...over,
});
const report = async (over: Record<string, unknown>) => preflight(design({ elements: [el(over)] }));
const codes = (r: Awaited<ReturnType<typeof preflight>>) => r.findings.map((f) => [f.code, f.elementId]);

describe('preflight reports each text element’s lines', () => {
  it('lists every text element of the design in order, with its size and lines as set', async () => {
    const d = withSlogan(designFromTemplate(getTemplate('poster-a2-red')), '鲫鱼草鱼多宝鱼、不做骗子的网中鱼');
    const r = await preflight(d);
    expect(r.text.map((t) => t.elementId)).toEqual(d.elements.filter((e) => e.type === 'text').map((e) => e.id));
    expect(r.text.map((t) => t.elementId)).toEqual(expect.arrayContaining(['title', 'slogan', 'hotline', 'unit']));
    const slogan = r.text.find((t) => t.elementId === 'slogan')!;
    expect(slogan).toMatchObject({ label: '标语', vertical: false, lines: ['鲫鱼草鱼多宝鱼、', '不做骗子的网中鱼'] });
    expect(slogan.sizeMm).toBeGreaterThan(40);
  });

  it('reports columns of vertical text, the break punctuation of a banner replaced', async () => {
    const r = await preflight(designFromTemplate(getTemplate('vertical-banner-red-60x300')));
    expect(r.text.find((t) => t.elementId === 'slogan')).toMatchObject({
      vertical: true,
      lines: ['鲫鱼草鱼多宝鱼', '不做骗子的网中鱼'],
    });
  });
});

describe('line findings', () => {
  it('says when a word had to be broken because it alone is wider than the line', async () => {
    const r = await report({ text: '国家反诈中心', box: { x: 20, y: 20, w: 35, h: 100 } });
    expect(r.text[0]!.lines).toEqual(['国家反', '诈中心']);
    const f = r.findings.find((x) => x.code === 'word-split');
    expect(f).toMatchObject({ severity: 'warning', elementId: 'slogan' });
    expect(f!.message).toContain('「国家反诈中心」');
    expect(f!.message).toMatch(/^「标语」中的词/);
  });

  it('says when a line holds a single character (孤字)', async () => {
    const r = await report({ text: '陌生来电不要接', box: { x: 20, y: 20, w: 60, h: 100 }, balance: false });
    expect(r.text[0]!.lines).toEqual(['陌生来电不要', '接']);
    expect(codes(r)).toEqual([['single-character-line', 'slogan']]);
    expect(r.findings[0]!.message).toContain('第 2 行只有一个字「接」');
  });

  it('says when a two-half jingle could not be set by its halves', async () => {
    // 6 em wide, room for three lines but not four: neither the halves nor a four-line split fit.
    const r = await report({ text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼', box: { x: 20, y: 20, w: 60, h: 36 } });
    expect(r.text[0]!.lines).toHaveLength(3);
    const f = r.findings.find((x) => x.code === 'halves-not-kept');
    expect(f).toMatchObject({ severity: 'warning', elementId: 'slogan' });
    expect(f!.message).toContain('上下两半');
  });

  it('finds nothing in a jingle set by its halves, in two lines or four', async () => {
    for (const box of [
      { x: 20, y: 20, w: 170, h: 100 },
      { x: 20, y: 20, w: 45, h: 100 },
    ]) {
      const r = await report({ text: '白菜青菜油麦菜、莫给骗子当韭菜', box });
      expect(codes(r)).toEqual([]);
    }
  });
});
