import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../main/library/library.js';
import { duplicateAsDesign } from '../../main/library/sample-design.js';
import { publishDesign } from '../../main/server/publish.js';
import { design, textEl } from '../helpers/designs.js';
import { freshDir } from '../library/fixtures.js';

/* Publishing orchestration (the server layer: it renders with the engine and stores in the library). */
let lib: Library;
beforeAll(async () => {
  lib = await Library.open(freshDir('publish-lib'));
});
afterAll(() => lib.close());

describe('publishing a design', () => {
  it('stores the design, its PDF, PNG and thumbnail in one sample; duplicate gives a new editable design', async () => {
    const d = design({
      name: '韭菜海报',
      kind: 'poster',
      format: { widthMm: 100, heightMm: 140 },
      elements: [textEl({ text: '白菜青菜油麦菜、莫给骗子当韭菜', slot: 'slogan' })],
    });
    const s = await publishDesign(lib, d, { unit: '城关派出所', fraudTypes: ['rebate'] });
    expect(s).toMatchObject({
      title: '韭菜海报',
      kind: 'poster',
      slogan: '白菜青菜油麦菜、莫给骗子当韭菜',
      format: '10×14 cm',
    });
    expect(s.files.map((f) => f.role).sort()).toEqual(['design', 'pdf', 'png', 'thumbnail']);
    expect((await lib.read(s.files.find((f) => f.role === 'pdf')!.sha256)).subarray(0, 5).toString()).toBe('%PDF-');
    const copy = await duplicateAsDesign(lib, s.id);
    expect(copy.design.name).toBe('韭菜海报（副本）');
    expect(copy.design.elements).toEqual(d.elements);
    expect(readdirSync(lib.blobs.tmp)).toEqual([]);
  });
});

describe('publishing what is not finished', () => {
  it('refuses a design that still shows a template sample, and stores nothing', async () => {
    const { designFromTemplate } = await import('../../main/core/index.js');
    const { getTemplate } = await import('../../main/engine/templates.js');
    const before = lib.count();
    await expect(publishDesign(lib, designFromTemplate(getTemplate('poster-50x70-photo')))).rejects.toMatchObject({
      code: 'placeholder',
    });
    expect(lib.count()).toBe(before);
  });
});
