import { describe, expect, it } from 'vitest';
import { patchElement, setContent } from '../../../main/core/design/edit.js';
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
    // The gallery's slogans now fit even this jingle at their smallest size: set at the largest,
    // fixed, the slogan spills over the hotline, unit and QR label below it.
    for (const id of ['sticker-round-green-30', 'sticker-round-market-50', 'poster-a2-red', 'banner-red-600x70']) {
      const d = filledTemplate(id);
      const slogan = d.elements.find((e) => e.slot === 'slogan')!;
      if (slogan.type !== 'text' || slogan.size.mode !== 'fit') throw new Error(`${id}: the slogan fits its box`);
      const spilled = patchElement(setContent(d, slogan.id, LONG), slogan.id, 'text', {
        size: { mode: 'fixed', mm: slogan.size.maxMm },
      });
      const r = await preflight(spilled);
      expect(
        r.findings.map((f) => f.code),
        id,
      ).toContain('text-overflow');
      // The slogan itself may lie on a ground too close to its colour where it spills; the others
      // are judged by the ground behind their own letters.
      expect(
        r.findings.filter((f) => f.code === 'low-contrast' && f.elementId !== slogan.id).map((f) => f.message),
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
