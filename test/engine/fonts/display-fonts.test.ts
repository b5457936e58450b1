import { existsSync, mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES } from '../../../main/core/index.js';
import { bundledFaces, DISPLAY_FALLBACK } from '../../../main/engine/fonts/bundled.js';
import { openFace } from '../../../main/engine/fonts/face.js';
import { availableFamilies, resolveFont } from '../../../main/engine/fonts/font-set.js';
import { layoutText } from '../../../main/engine/layout/layout-text.js';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { design, OUT_DIR, textEl } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

const DIR = `${OUT_DIR}display-fonts/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

const DISPLAY = ['ZCOOL QingKe HuangYou', 'ZCOOL KuaiLe', 'Ma Shan Zheng'] as const;

/** A common character the display face lacks but Noto has (the faces cover GB 2312 only). */
function lacking(family: string): string {
  const face = resolveFont({ family, weight: 400 }).primary;
  for (const ch of '鳡䲟鱲鳤鳑鲿鳚𫚉') if (!face.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return ch;
  throw new Error(`${family} has every probe character`);
}

describe('the display families (OFL) ship like Noto', () => {
  it('are bundled files of their own family, offered with the others', () => {
    const names = availableFamilies(false).map((f) => f.family);
    for (const family of DISPLAY) {
      expect(names).toContain(family);
      const src = bundledFaces().find((f) => f.family === family)!;
      expect(existsSync(src.path)).toBe(true);
      expect(openFace(src).font.familyName).toBe(family);
    }
    expect(BUNDLED_FAMILIES.map((f) => f.family)).toEqual(availableFamilies(false).map((f) => f.family));
  });

  it('set the whole seed jingle in their own glyphs', () => {
    for (const family of DISPLAY) {
      const l = layoutText(textEl({ text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼', font: { family, weight: 400 } }));
      expect(l.missing).toEqual([]);
      expect(l.fallback).toEqual([]);
      expect(new Set(l.runs.map((r) => r.face.family))).toEqual(new Set([family]));
    }
  });

  it('fall back per character to a Noto face of about the same weight, and preflight says so', async () => {
    for (const family of DISPLAY) {
      const ch = lacking(family);
      const l = layoutText(textEl({ text: `鲫鱼${ch}鱼`, font: { family, weight: 400 } }));
      expect(l.fallback).toEqual([ch]);
      expect(l.missing).toEqual([]);
      const run = l.runs.find((r) => r.text.includes(ch))!;
      expect([run.face.family, run.face.weight]).toEqual([
        DISPLAY_FALLBACK[family]!.family,
        DISPLAY_FALLBACK[family]!.weight,
      ]);
      // The characters around it stay in the display face.
      expect(
        l.runs
          .filter((r) => r.face.family === family)
          .map((r) => r.text)
          .join(''),
      ).toBe('鲫鱼鱼');
      const r = await preflight(
        design({
          elements: [
            { ...textEl({ text: `鲫鱼${ch}鱼`, font: { family, weight: 400 } }), id: 'slogan', label: '标语' },
          ],
        }),
      );
      const f = r.findings.find((x) => x.code === 'font-fallback');
      expect(f).toMatchObject({ elementId: 'slogan', severity: 'info' });
      expect(f!.message).toContain(ch);
    }
  });

  it('embed each as a subset with ToUnicode, the text searchable', async () => {
    const d = design({
      elements: DISPLAY.map((family, i) => ({
        ...textEl({
          text: '莫给骗子当韭菜',
          font: { family, weight: 400 },
          box: { x: 10, y: 10 + 60 * i, w: 190, h: 50 },
        }),
        id: `t${i}`,
      })),
    });
    const r = await writePdf([buildScene(d).scene], `${DIR}display.pdf`);
    const pdf = PdfReader.open(r.path);
    const fonts = pdf.fonts();
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'MaShanZheng-Regular',
      'ZCOOLKuaiLe-Regular',
      'ZCOOLQingKeHuangYou-Regular',
    ]);
    for (const f of fonts) expect(f).toMatchObject({ subset: true, embedded: true, toUnicode: true, subtype: 'Type0' });
    expect(pdf.text(0).split('莫给骗子当韭菜').length - 1).toBe(3);
    pdf.close();
  });
});

describe('subset names', () => {
  const tags = async (text: string, name: string): Promise<string[]> => {
    const d = design({ elements: [textEl({ text })] });
    const pdf = PdfReader.open((await writePdf([buildScene(d).scene], `${DIR}${name}.pdf`)).path);
    const out = pdf.fonts().map((f) => f.name);
    pdf.close();
    return out;
  };

  it('differ between files with different glyphs and agree for the same glyphs (merging files stays safe)', async () => {
    const a = await tags('白菜青菜油麦菜', 'tag-a');
    const b = await tags('乌鸡土鸡大公鸡', 'tag-b');
    const a2 = await tags('白菜青菜油麦菜', 'tag-a2');
    expect(a[0]).toMatch(/^[A-Z]{6}\+NotoSansSC-Black$/);
    expect(a[0]).not.toBe(b[0]);
    expect(a2).toEqual(a);
  });
});
