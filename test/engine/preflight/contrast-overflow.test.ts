import { describe, expect, it } from 'vitest';
import { setContent } from '../../../main/core/design/edit.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { design } from '../../helpers/designs.js';
import { filledTemplate } from '../../helpers/profile.js';

/*
 * Walkthrough bug 8 (issue #15): when a slogan overflowed, white or yellow text on red was
 * reported at 1.0–1.3:1 — the overflowing letters counted as the other text's background. Contrast
 * is measured against what is really behind the glyphs: the ground under them on the page.
 */
const LONG = '白菜青菜油麦菜、莫给骗子当韭菜，鲫鱼草鱼多宝鱼、不做骗子的网中鱼，乌鸡土鸡大公鸡、听说转账就挂机';

describe('contrast when a slogan overflows (walkthrough bug 8)', () => {
  it('judges the hotline by the ground behind its letters, not by the slogan spilling over it', async () => {
    for (const id of ['sticker-round-green-30', 'sticker-round-market-50']) {
      const d = filledTemplate(id);
      const r = await preflight(setContent(d, d.elements.find((e) => e.slot === 'slogan')!.id, LONG));
      expect(
        r.findings.map((f) => f.code),
        id,
      ).toContain('text-overflow');
      expect(
        r.findings.filter((f) => f.code === 'low-contrast').map((f) => f.message),
        id,
      ).toEqual([]);
    }
  });

  it('still flags pale letters on a pale ground, and ignores what lies off the page', async () => {
    const hotline = (colour: string, box: object) => ({
      id: 'hotline',
      label: '反诈专线',
      type: 'text',
      text: '全国反诈专线 96110',
      box,
      size: { mode: 'fixed', mm: 12 },
      colour,
      align: 'left',
    });
    const pale = design({
      format: { widthMm: 210, heightMm: 100 },
      background: { type: 'colour', colour: '#FFFFFF' },
      elements: [hotline('#FFE600', { x: 20, y: 60, w: 170, h: 20 })],
    });
    expect((await preflight(pale)).findings.map((f) => f.code)).toContain('low-contrast');
    const offPage = design({
      format: { widthMm: 210, heightMm: 100 },
      background: { type: 'colour', colour: 'print-red' },
      elements: [hotline('#FFFFFF', { x: 150, y: 60, w: 170, h: 20 })],
    });
    expect((await preflight(offPage)).findings.map((f) => f.code)).not.toContain('low-contrast');
  });
});
