import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
// The extraction script is plain JavaScript run by node; its functions are tested here.
import { extract, iconShapes, parsePath, writeSegments } from '../../../scripts/extract-illustrations.mjs';
import { illustrationCatalogue } from '../../../main/engine/illustrations.js';
import { illustrationSvg } from '../../../main/engine/output/illustration-svg.js';
import { diff } from '../../helpers/image-diff.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const icons = createRequire(import.meta.url)('@iconify-json/fluent-emoji-flat/icons.json') as {
  icons: Record<string, { body: string }>;
};

describe('extract-illustrations', () => {
  it('the committed shapes are exactly what the script makes from the installed package', () => {
    expect(readFileSync(resolve(ROOT, 'templates/illustrations/fluent-emoji-flat.json'), 'utf8')).toBe(extract());
  });

  it('reads relative commands, implicit repeats, shorthand curves and compact arc flags', () => {
    const d = (s: string) => writeSegments(parsePath(s));
    expect(d('m1 2 3 4h2v-1z')).toBe('M1 2L4 6L6 6L6 5Z');
    // Smooth cubic: the first control point mirrors the previous second one.
    expect(d('M0 0C0 1 1 2 2 2s2-1 2-2')).toBe('M0 0C0 1 1 2 2 2C3 2 4 1 4 0');
    // Quadratic → cubic at 2/3.
    expect(d('M0 0Q3 3 6 0')).toBe('M0 0C2 2 4 2 6 0');
    // "a1 1 0 011 1": flags 0 and 1 written without separators, then the end point 1,1.
    const arc = parsePath('M0 0a1 1 0 011 1');
    expect(arc.at(-1)!.slice(-2)).toEqual([1, 1]);
    expect(arc.filter((s: unknown[]) => s[0] === 'C')).toHaveLength(1);
    expect(() => parsePath('M0 0X1')).toThrow();
  });

  it('refuses what it cannot draw as plain fills, naming the icon', () => {
    expect(() => iconShapes('grad', '<path fill="url(#a)" d="M0 0h1v1z"/>')).toThrow(/grad/);
    expect(() => iconShapes('clip', '<g clip-path="url(#a)"><path fill="#fff" d="M0 0h1v1z"/></g>')).toThrow(/clip/);
    expect(() => iconShapes('filter', '<filter id="f"/>')).toThrow(/filter/);
  });

  it('every picture draws like the original icon (arcs, ellipse transforms, even-odd, opacity)', async () => {
    const px = 64;
    let worst = { id: '', mean: 0 };
    for (const it of illustrationCatalogue().items) {
      const original = `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 32 32">${icons.icons[it.icon]!.body}</svg>`;
      const ours = illustrationSvg(it.id).replace('width="32" height="32"', `width="${px}" height="${px}"`);
      const [a, b] = await Promise.all(
        [original, ours].map((s) =>
          sharp(Buffer.from(s)).flatten({ background: '#FFFFFF' }).removeAlpha().raw().toBuffer(),
        ),
      );
      const r = diff(a!, 3, b!, 3, px, px);
      if (r.mean > worst.mean) worst = { id: it.id, mean: r.mean };
    }
    // Rounding to 0.001 of an icon unit moves edges by far less than a pixel.
    expect(worst.mean, `worst ${worst.id}`).toBeLessThan(0.5);
  });
});
