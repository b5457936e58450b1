import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { setContent } from '../../../main/core/index.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { allObjects } from '../../helpers/pdf-objects.js';
import { filledTemplate } from '../../helpers/profile.js';

const DIR = `${OUT_DIR}print/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

/** The content between the cut layer's BDC and its EMC, and the rest of the page. */
function cutBlock(content: string): { block: string; rest: string } {
  const start = content.indexOf('/OC /OcCut BDC');
  const end = content.indexOf('EMC', start);
  expect(start).toBeGreaterThanOrEqual(0);
  return { block: content.slice(start, end), rest: content.slice(0, start) + content.slice(end + 3) };
}

/** Points of the path in the block (moveto and curve end points), in mm of the trim space. */
function pathPoints(block: string): [number, number][] {
  const pts: [number, number][] = [];
  for (const line of block.split('\n')) {
    const n = line.trim().split(/\s+/);
    const op = n.at(-1);
    if (op === 'm' || op === 'l') pts.push([Number(n[0]), Number(n[1])]);
    if (op === 'c') pts.push([Number(n[4]), Number(n[5])]);
  }
  return pts;
}

describe('the die-cut line (CutContour)', () => {
  it('a round sticker: a CutContour separation, used only by the cut path, on the trim circle, in its own layer', async () => {
    const out = `${DIR}sticker-50.pdf`;
    await renderDesigns([filledTemplate('sticker-round-market-50')], { out, allowPlaceholder: true });
    const pdf = PdfReader.open(out);
    // The colour space: /Separation /CutContour /DeviceCMYK with 100 % magenta as its alternate.
    const seps = allObjects(pdf).filter(
      ({ obj }) => obj.isArray() && obj.get(0).isName() && obj.get(0).asName() === 'Separation',
    );
    expect(seps).toHaveLength(1);
    const sep = seps[0]!.obj;
    expect(sep.get(1).asName()).toBe('CutContour');
    expect(sep.get(2).asName()).toBe('DeviceCMYK');
    const c1 = sep.get(3).get('C1');
    expect([0, 1, 2, 3].map((k) => c1.get(k).asNumber())).toEqual([0, 1, 0, 0]);
    // The page names it (CS0), and only the cut block uses it, stroking only.
    const page = pdf.doc.findPage(0);
    const spaces = page.get('Resources').get('ColorSpace');
    let csName = '';
    spaces.forEach((v, k) => {
      if (v.resolve().isArray() && v.resolve().get(1).asName() === 'CutContour') csName = String(k);
    });
    expect(csName).not.toBe('');
    const { block, rest } = cutBlock(pdf.content(0));
    expect(rest).not.toContain(`/${csName} `);
    expect(block).toContain(`/${csName} CS`);
    expect(block).not.toContain(`/${csName} cs`); // never a fill
    expect(block).toMatch(/\bS\n/);
    // A hairline: 0.25 pt in the page's mm space.
    const width = Number(/([\d.]+) w/.exec(block)?.[1]);
    expect(width * (72 / 25.4)).toBeCloseTo(0.25, 3);
    // Overprint: the graphics state the block sets.
    const gsName = /\/(\w+) gs/.exec(block)?.[1] ?? '';
    const gs = page.get('Resources').get('ExtGState').get(gsName).resolve();
    expect(gs.get('OP').asBoolean()).toBe(true);
    expect(gs.get('op').asBoolean()).toBe(true);
    // The layer: an optional content group named CutContour, listed in the catalogue.
    const oc = page.get('Resources').get('Properties').get('OcCut').resolve();
    expect(oc.get('Type').asName()).toBe('OCG');
    expect(oc.get('Name').asString()).toBe('CutContour');
    const ocProps = pdf.doc.getTrailer().get('Root').get('OCProperties');
    expect(ocProps.get('OCGs').length).toBe(1);
    // The path is the trim circle: every point 25 mm from the centre (control points aside).
    const pts = pathPoints(block);
    expect(pts.length).toBeGreaterThanOrEqual(4);
    for (const [x, y] of pts) expect(Math.hypot(x - 25, y - 25)).toBeCloseTo(25, 3);
  });

  it('a hanging tag is cut along its rounded rectangle (4 mm corners)', async () => {
    const out = `${DIR}tag.pdf`;
    await renderDesigns([filledTemplate('tag-hanging-70x100-fresh')], { out });
    const { block } = cutBlock(PdfReader.open(out).content(0));
    const pts = pathPoints(block);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    expect(Math.min(...xs)).toBeCloseTo(0, 3);
    expect(Math.max(...xs)).toBeCloseTo(70, 3);
    expect(Math.max(...ys)).toBeCloseTo(100, 3);
    // Rounded: the first point is 4 mm along the top edge.
    expect(pts[0]).toEqual([4, 0]);
  });

  it('a poster (guillotine-cut) has no cut line and no spot colour', async () => {
    const out = `${DIR}poster.pdf`;
    await renderDesigns([filledTemplate('poster-a3-blue')], { out, allowPlaceholder: true });
    const pdf = PdfReader.open(out);
    expect(pdf.content(0)).not.toContain('/OC ');
    expect(allObjects(pdf).some(({ obj }) => obj.toString().includes('CutContour'))).toBe(false);
  });
});

describe('round and rounded pieces as images', () => {
  it('PNG: transparent outside the trim circle, opaque inside, anti-aliased at the edge', async () => {
    const out = `${DIR}sticker-50.png`;
    await renderDesigns([filledTemplate('sticker-round-market-50')], { out, allowPlaceholder: true });
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    const alpha = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(info.width - 1, info.height - 1)).toBe(0);
    expect(alpha(info.width >> 1, info.height >> 1)).toBe(255);
    expect(alpha(info.width >> 1, 2)).toBe(255); // the top of the circle, inside
    const edge = [...Array(info.width).keys()].map((x) => alpha(x, info.height >> 1) ?? 0);
    expect(edge.some((a) => a > 0 && a < 255)).toBe(true);
    expect((await sharp(out).metadata()).density).toBe(300);
  });

  it('JPEG: white outside the circle (no alpha), the artwork inside', async () => {
    const out = `${DIR}sticker-50.jpg`;
    await renderDesigns([filledTemplate('sticker-round-market-50')], { out, allowPlaceholder: true });
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    for (const v of px(2, 2)) expect(v).toBeGreaterThan(250);
    // Just inside the circle at the top: the brown wooden frame of the chalkboard sticker.
    const [r, , b] = px(info.width >> 1, 6) as [number, number, number];
    expect(r).toBeGreaterThan(b + 40);
  });

  it('with the bleed drawn, the PNG keeps the bleed circle (2 mm more all round)', async () => {
    const design = filledTemplate('sticker-round-market-50');
    const dir = `${DIR}bleed.png`;
    const { writeRasterWithBleed } = await import('../../helpers/raster-bleed.js');
    const { width, alphaAt } = await writeRasterWithBleed(design, dir);
    // 54 mm at 300 dpi; 1 mm in from the media corner lies outside the bleed circle; 1 mm inside the
    // bleed circle's top is drawn.
    expect(width).toBe(Math.ceil((54 / 25.4) * 300));
    expect(alphaAt(1, 1)).toBe(0);
    expect(alphaAt(27, 1)).toBe(255);
  });

  it('a hanging tag PNG has transparent rounded corners', async () => {
    const out = `${DIR}tag.png`;
    await renderDesigns([filledTemplate('tag-hanging-70x100-fresh')], { out });
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
    expect(data[(10 * info.width + (info.width >> 1)) * 4 + 3]).toBe(255);
    writeFileSync(`${DIR}tag-seen.png`, await sharp(out).flatten({ background: '#777' }).png().toBuffer());
  });
});

describe('font subset names', () => {
  it('two stickers with different slogans carry different subset tags for the same face', async () => {
    const names: string[][] = [];
    for (const [i, slogan] of ['转账前\n先核实', '陌生来电\n不轻信'].entries()) {
      const out = `${DIR}subset-${i}.pdf`;
      const d = setContent(filledTemplate('sticker-round-market-50'), 'slogan', slogan);
      await renderDesigns([d], { out, allowPlaceholder: true });
      names.push(
        PdfReader.open(out)
          .fonts()
          .map((f) => f.name),
      );
    }
    const [a, b] = names as [string[], string[]];
    const face = (n: string) => n.replace(/^[A-Z]{6}\+/, '');
    const shared = a.filter((n) => b.some((m) => face(m) === face(n)));
    expect(shared.length).toBeGreaterThan(0);
    for (const n of shared) {
      expect(n).toMatch(/^[A-Z]{6}\+/);
      expect(b).not.toContain(n);
    }
  });
});
