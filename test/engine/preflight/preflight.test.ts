import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { filledTemplate } from '../../helpers/profile.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { design } from '../../helpers/designs.js';

const text = (over: Record<string, unknown>) => ({
  id: 'slogan',
  label: '标语',
  type: 'text',
  text: '莫给骗子当韭菜',
  box: { x: 20, y: 20, w: 170, h: 40 },
  size: { mode: 'fixed', mm: 20 },
  colour: '#FFFFFF',
  ...over,
});
const red = { type: 'colour', colour: 'print-red' } as const;
const codes = async (d: ReturnType<typeof design>) => (await preflight(d)).findings.map((f) => [f.code, f.elementId]);

describe('preflight', () => {
  it('passes the starter templates without findings, once the unit profile is in', async () => {
    for (const id of ['banner-red-600x70', 'poster-a2-red', 'wechat-1080x1920-blue']) {
      const r = await preflight(filledTemplate(id));
      expect(r.findings, id).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  it('flags text outside the safe area, naming the element', async () => {
    const d = design({
      format: { widthMm: 210, heightMm: 297, safeMm: 10 },
      background: red,
      elements: [text({ box: { x: 2, y: 20, w: 170, h: 40 }, align: 'left' })],
    });
    const r = await preflight(d);
    expect(r.findings.map((f) => f.code)).toEqual(['outside-safe-area']);
    expect(r.findings[0]!.message).toContain('「标语」');
    expect(r.findings[0]!.message).not.toContain('slogan');
  });

  it('a photo running out to the trim edge is full-bleed; one that stops inside the margin is flagged', async () => {
    const photo = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    const withPhoto = (box: Record<string, number>) =>
      design({
        format: { widthMm: 210, heightMm: 297, bleedMm: 3, safeMm: 10, dpi: 10 },
        elements: [{ id: 'photo', label: '照片', type: 'image', asset: 'p', box }],
        assets: { p: { mime: 'image/png', data: photo.toString('base64') } },
      });
    const safeCodes = async (box: Record<string, number>) =>
      (await preflight(withPhoto(box))).findings.filter((f) => f.code === 'outside-safe-area').map((f) => f.elementId);
    expect(await safeCodes({ x: -3, y: -3, w: 216, h: 150 })).toEqual([]);
    expect(await safeCodes({ x: 4, y: -3, w: 202, h: 150 })).toEqual(['photo']);
  });

  it('flags missing glyphs and overflow as errors', async () => {
    const d = design({
      background: red,
      elements: [
        text({ text: '防骗😀' }),
        text({
          id: 'long',
          text: '白菜青菜油麦菜莫给骗子当韭菜',
          box: { x: 20, y: 100, w: 30, h: 10 },
          size: { mode: 'fit', minMm: 8, maxMm: 10 },
        }),
      ],
    });
    const r = await preflight(d);
    expect(r.ok).toBe(false);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.elementId])).toEqual([
      ['missing-glyph', 'slogan'],
      ['text-overflow', 'long'],
    ]);
  });

  it('flags text too small for the viewing distance', async () => {
    const d = design({
      format: { widthMm: 6000, heightMm: 700, viewingDistanceM: 15 },
      background: red,
      elements: [text({ box: { x: 100, y: 100, w: 1000, h: 100 }, size: { mode: 'fixed', mm: 30 } })],
    });
    expect(await codes(d)).toEqual([['text-too-small', 'slogan']]);
  });

  it('flags low contrast against a flat colour and against a photo', async () => {
    const pale = design({ background: { type: 'colour', colour: '#FFFFFF' }, elements: [text({ colour: '#FFE600' })] });
    expect(await codes(pale)).toEqual([['low-contrast', 'slogan']]);
    const photo = (
      await sharp({ create: { width: 200, height: 100, channels: 3, background: '#F4F4F0' } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
    const onPhoto = design({
      background: red,
      assets: { p: { mime: 'image/jpeg', data: photo } },
      elements: [
        { id: 'photo', type: 'image', asset: 'p', box: { x: 0, y: 0, w: 210, h: 100 } },
        text({ colour: '#FFFFFF' }),
      ],
    });
    expect(await codes(onPhoto)).toContainEqual(['low-contrast', 'slogan']);
    const fine = design({ background: red, elements: [text({ colour: '#FFFFFF' })] });
    expect(await codes(fine)).toEqual([]);
  });

  it('accepts pale text when a wide dark outline carries it', async () => {
    const d = design({
      background: { type: 'colour', colour: '#FFFFFF' },
      elements: [text({ colour: '#FFE600', stroke: { colour: '#C00000', widthMm: 2 } })],
    });
    expect(await codes(d)).toEqual([]);
  });

  it('flags an image printed below the dpi its size needs', async () => {
    const small = (
      await sharp({ create: { width: 120, height: 80, channels: 3, background: '#336699' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const d = design({
      format: { widthMm: 420, heightMm: 594, dpi: 300 },
      assets: { p: { mime: 'image/png', data: small } },
      elements: [{ id: 'photo', type: 'image', asset: 'p', box: { x: 20, y: 20, w: 300, h: 200 } }],
    });
    const r = await preflight(d);
    expect(r.findings.map((f) => [f.code, f.elementId])).toEqual([['low-image-dpi', 'photo']]);
    expect(r.findings[0]!.message).toMatch(/10 dpi/);
  });
});
