import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { StudioError } from '../../../main/core/index.js';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { sloganPoster, solidImage } from '../../helpers/scene-fixtures.js';

const DIR = `${OUT_DIR}pdf-fail/`;
beforeEach(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});

async function rejection(p: Promise<unknown>): Promise<StudioError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return err as StudioError;
}

describe('failures leave nothing behind', () => {
  test('a missing folder is a StudioError and creates nothing', async () => {
    const err = await rejection(writePdf([sloganPoster()], `${DIR}missing/poster.pdf`));
    expect(err.code).toBe('output-failed');
    expect(err.message).toMatch(/文件夹 .* 不存在/);
    expect(existsSync(`${DIR}missing`)).toBe(false);
  });

  test('a failure while drawing keeps the old file and removes the temporary one', async () => {
    const target = `${DIR}poster.pdf`;
    writeFileSync(target, 'OLD');
    const good = await solidImage(4, 4, [0, 0, 255]);
    const broken = { ...good, data: Buffer.from('not an image at all'), sha256: 'broken' };
    const bad = sloganPoster({
      name: '坏图海报',
      items: [
        {
          kind: 'image',
          elementId: 'img',
          image: broken,
          x: 0,
          y: 0,
          w: 10,
          h: 10,
          clip: { x: 0, y: 0, w: 10, h: 10, r: 0 },
        },
      ],
    });
    const progress: number[] = [];
    const err = await rejection(writePdf([sloganPoster(), bad], target, { onProgress: (d) => progress.push(d) }));
    expect(err.code).toBe('output-failed');
    expect(err.message).toContain('第 2 页');
    expect(err.message).toContain('坏图海报');
    expect(progress).toEqual([1]);
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(readdirSync(DIR)).toEqual(['poster.pdf']);
  });

  test('a directory in the way is refused', async () => {
    mkdirSync(`${DIR}taken.pdf`);
    expect((await rejection(writePdf([sloganPoster()], `${DIR}taken.pdf`))).code).toBe('output-failed');
  });

  test('no scenes, or a page of no size, is refused before any file is opened', async () => {
    expect((await rejection(writePdf([], `${DIR}empty.pdf`))).code).toBe('output-failed');
    expect((await rejection(writePdf([sloganPoster({ widthMm: 0 })], `${DIR}zero.pdf`))).code).toBe('output-failed');
    expect(readdirSync(DIR)).toEqual([]);
  });

  test('a successful write replaces the old file', async () => {
    const target = `${DIR}poster.pdf`;
    writeFileSync(target, 'OLD');
    await writePdf([sloganPoster()], target);
    expect(PdfReader.open(target).pageCount).toBe(1);
    expect(readdirSync(DIR)).toEqual(['poster.pdf']);
  });
});
