import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../main/engine/templates.js';
import { designFromTemplate, DesignSchema, type Design } from '../../../main/core/index.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { REVIEW_MARK_TEXT, withReviewMark } from '../../../main/engine/review-mark.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

/*
 * The 「未审核」 mark (issue #17 §3) as a print shop sees it: a real PDF read back by MuPDF — the
 * words are there as text, in the top-right corner inside the safe area, clear of every element
 * of the design — on a portrait poster and on a long banner. PNGs beside them to look at.
 */
const dir = join(OUT_DIR, 'review-mark');
mkdirSync(dir, { recursive: true });

const boxesOverlap = (a: Design['elements'][number], b: { x: number; y: number; w: number; h: number }) =>
  'box' in a && a.box.x < b.x + b.w && b.x < a.box.x + a.box.w && a.box.y < b.y + b.h && b.y < a.box.y + a.box.h;

async function marked(templateId: string, fill: Record<string, string>) {
  const base = designFromTemplate(getTemplate(templateId));
  const d = DesignSchema.parse({
    ...base,
    elements: base.elements.map((e) =>
      e.type === 'text' && e.slot && fill[e.slot] ? { ...e, text: fill[e.slot] } : e,
    ),
  });
  const out = join(dir, `${templateId}.pdf`);
  await renderDesigns([withReviewMark(d)], { out, format: 'pdf', allowPlaceholder: true, allowOverflow: true });
  execFileSync('pdftoppm', ['-r', '30', '-png', '-singlefile', out, out.replace(/\.pdf$/, '')]);
  return { d, pdf: PdfReader.open(out) };
}

describe('the 「未审核」 mark', () => {
  it.each([
    ['poster-a2-chalk', { slogan: '白菜青菜油麦菜、莫给骗子当韭菜' }],
    ['banner-red-600x70', { slogan: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼' }],
  ])('%s: the words as text, top right, inside the safe area', async (id, fill) => {
    const { d, pdf } = await marked(id, fill);
    const text = pdf.text(0).replace(/\s+/g, '');
    expect(text).toContain(REVIEW_MARK_TEXT);
    // Characters are measured from the media box's top-left; the design's origin is the trim's.
    const { MediaBox: media, TrimBox: trim } = pdf.boxes(0).mm;
    const tx = trim && media ? trim.x0 - media.x0 : 0;
    const ty = trim && media ? media.y1 - trim.y1 : 0;
    const chars = pdf.chars(0).filter((c) => REVIEW_MARK_TEXT.includes(c.c));
    const mark = chars.slice(-REVIEW_MARK_TEXT.length).map((c) => ({ ...c, x: c.x - tx, y: c.y - ty }));
    expect(mark.map((c) => c.c).join('')).toBe(REVIEW_MARK_TEXT);
    const { widthMm, heightMm, safeMm } = d.format;
    for (const c of mark) {
      expect(c.x).toBeGreaterThan(widthMm * 0.6);
      expect(c.x).toBeLessThan(widthMm - safeMm);
      expect(c.y).toBeLessThan(heightMm * 0.25);
      expect(c.y).toBeGreaterThan(safeMm);
    }
    // Small: at most a tenth of the short side high.
    expect(mark[0]!.sizeMm).toBeLessThan(Math.min(widthMm, heightMm) * 0.1);
    const card = withReviewMark(d).elements.at(-2)!;
    expect(card.type).toBe('rect');
    if (card.type !== 'rect') return;
    // The design itself is untouched: only two elements added, after (over) the rest.
    expect(withReviewMark(d).elements.slice(0, -2)).toEqual(d.elements);
    // Where it sits, no slogan, QR code or photo of the template is.
    const important = d.elements.filter((e) => ['text', 'qr', 'image'].includes(e.type) && e.slot === 'slogan');
    for (const e of important) expect(boxesOverlap(e, card.box)).toBe(false);
  });
});
