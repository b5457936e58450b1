import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designFromTemplate, DesignSchema, type Design } from '../../../main/core/index.js';
import { keyArea } from '../../../main/engine/preflight/key-area.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { getTemplate } from '../../../main/engine/templates.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { filledTemplate } from '../../helpers/profile.js';

const findings = async (d: Design, code: string) => (await preflight(d)).findings.filter((f) => f.code === code);

describe('placeholders never print', () => {
  it('each sample is a preflight error naming the element in Chinese', async () => {
    const f = await findings(designFromTemplate(getTemplate('poster-50x70-photo')), 'placeholder');
    expect(f.map((x) => [x.elementId, x.severity])).toEqual([
      ['photo', 'error'],
      ['unit', 'error'],
      ['date', 'error'],
      ['location', 'error'],
      ['qr', 'error'],
    ]);
    expect(f.map((x) => x.message)).toContain('「日期」还是模板示例「2026年12月」：请改成实际内容');
    // The empty photo box is said once, as the error, not again as an empty-slot warning.
    expect(await findings(designFromTemplate(getTemplate('poster-50x70-photo')), 'empty-slot')).toEqual([]);
  });

  it('an export stops before writing, naming every sample; the previous file stays; allowPlaceholder writes', async () => {
    const out = join(OUT_DIR, 'placeholder-refused.pdf');
    writeFileSync(out, 'previous file');
    const d = designFromTemplate(getTemplate('poster-a2-red'));
    const err = await renderDesigns([d], { out }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'placeholder', message: '设计中还有模板的示例内容，没有输出文件' });
    expect((err as { details: string[] }).details.join('\n')).toMatch(
      /「单位名称」[\s\S]*「二维码」[\s\S]*--allow-placeholder/,
    );
    expect(readFileSync(out, 'utf8')).toBe('previous file');
    await renderDesigns([d], { out, allowPlaceholder: true });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    // Images are outputs too: a WeChat picture with ×× is refused like a PDF.
    const png = join(OUT_DIR, 'placeholder-refused.png');
    await expect(
      renderDesigns([designFromTemplate(getTemplate('wechat-1242x2208-red'))], { out: png }),
    ).rejects.toThrow('模板的示例内容');
    expect(existsSync(png)).toBe(false);
  });
});

describe('WeChat cover: key content in the centre square', () => {
  const cover = () => filledTemplate('wechat-cover-900x383-blue');

  it('the centre square is 383 px wide in the middle of 900', () => {
    const a = keyArea(cover())!;
    expect(a.w).toBeCloseTo((383 * 25.4) / 96, 3);
    expect(a.x).toBeCloseTo(((900 - 383) / 2) * (25.4 / 96), 3);
  });

  it("the shipped cover's slogan, title and hotline lie inside it, with every seed jingle", async () => {
    for (const s of [
      '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
      '白菜青菜油麦菜、莫给骗子当韭菜',
      '乌鸡土鸡大公鸡、听说转账就挂机',
    ]) {
      const d = cover();
      const el = d.elements.find((e) => e.id === 'slogan')!;
      if (el.type === 'text') el.text = s;
      expect(await findings(d, 'outside-key-area'), s).toEqual([]);
    }
  });

  it('a slogan running across the whole cover is flagged, naming it', async () => {
    const d = cover();
    const el = d.elements.find((e) => e.id === 'slogan')!;
    if (el.type === 'text') {
      el.box = { x: 14, y: 36, w: 210, h: 26 };
      el.balance = false;
    }
    const f = await findings(d, 'outside-key-area');
    expect(f.map((x) => x.elementId)).toEqual(['slogan']);
    expect(f[0]!.message).toMatch(/^「标语」伸出封面中间的正方形 [\d.]+ mm/);
  });
});

/** A 40 mm round sticker with one ornament ring of the given radius (mm) and width. */
function sticker(extra: Record<string, unknown>[]): Design {
  return DesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    format: {
      shape: 'circle',
      widthMm: 40,
      heightMm: 40,
      bleedMm: 2,
      safeMm: 3,
      colourMode: 'cmyk',
      viewingDistanceM: 0.5,
    },
    background: { type: 'colour', colour: 'white' },
    elements: [{ id: 'disc', type: 'ellipse', box: { x: -2, y: -2, w: 44, h: 44 }, fill: 'print-red' }, ...extra],
  });
}
const ring = (r: number) => ({
  id: 'ring',
  label: '装饰圆环',
  type: 'ellipse',
  box: { x: 20 - r, y: 20 - r, w: 2 * r, h: 2 * r },
  stroke: { colour: 'white', widthMm: 0.4 },
});

describe('round stickers keep ornaments out of the cut margin', () => {
  it('a ring inside the safe circle passes; one in the margin band is flagged; the bleed ground is fine', async () => {
    expect(await findings(sticker([ring(16.5)]), 'cut-margin')).toEqual([]);
    const f = await findings(sticker([ring(18)]), 'cut-margin');
    expect(f.map((x) => x.elementId)).toEqual(['ring']);
    expect(f[0]!.message).toContain('装饰「装饰圆环」落在刀线内侧 3 mm 的模切边距里');
  });

  it('text whose corner reaches past the safe circle is flagged even inside the square safe area', async () => {
    const text = {
      id: 'corner',
      label: '角落文字',
      type: 'text',
      box: { x: 3.2, y: 3.2, w: 8, h: 4 },
      text: '防骗',
      size: { mode: 'fixed', mm: 3.5 },
      align: 'left',
      valign: 'top',
    };
    const r = await preflight(sticker([text]));
    expect(r.findings.filter((x) => x.code === 'outside-safe-area')).toEqual([]);
    expect(r.findings.find((x) => x.code === 'cut-margin')?.message).toMatch(/^「角落文字」离圆形刀线不足 3 mm/);
  });

  it('the shipped round stickers pass', async () => {
    for (const id of ['sticker-round-red-40', 'sticker-round-market-50', 'sticker-round-green-30'])
      expect(await findings(filledTemplate(id), 'cut-margin'), id).toEqual([]);
  });
});

describe('QR quiet zone', () => {
  const qr = (quietZone: number, plate?: number) =>
    DesignSchema.parse({
      schema: 'campaign-studio/design',
      version: 1,
      format: { widthMm: 100, heightMm: 100 },
      background: { type: 'colour', colour: 'police-blue' },
      elements: [
        ...(plate
          ? [
              {
                id: 'plate',
                type: 'rect',
                box: { x: 30 - plate, y: 30 - plate, w: 40 + 2 * plate, h: 40 + 2 * plate },
                fill: 'white',
              },
            ]
          : []),
        {
          id: 'qr',
          label: '二维码',
          type: 'qr',
          box: { x: 30, y: 30, w: 40, h: 40 },
          content: 'https://example.org/',
          quietZone,
        },
      ],
    });

  it('less than 4 modules of light margin is a warning; a white plate around it counts', async () => {
    expect(await findings(qr(4), 'qr-quiet-zone')).toEqual([]);
    const f = await findings(qr(1), 'qr-quiet-zone');
    expect(f[0]!.message).toMatch(/^「二维码」四周的浅色留白只有 1\.0 个码点宽，标准要求至少 4 个/);
    // 25 modules + 2 → 40 mm: 1.48 mm a module; a plate 5 mm wider on each side gives 3.4 more.
    expect(await findings(qr(1, 5), 'qr-quiet-zone')).toEqual([]);
    expect(await findings(qr(1, 2), 'qr-quiet-zone')).toHaveLength(1);
  });
});
