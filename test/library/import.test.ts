import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLibrary } from '../../main/library/check.js';
import { importFile, importFolder } from '../../main/library/import-files.js';
import { Library } from '../../main/library/library.js';
import { design, textEl } from '../helpers/designs.js';
import { freshDir, jpeg, png } from './fixtures.js';

/** A PNG whose header says w×h, with a little deflated data: decoding it would take ~768 MB. */
function pngBomb(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const idat = deflateSync(Buffer.alloc(4 * 1024 * 1024));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let lib: Library;
let files: string;
beforeAll(async () => {
  lib = await Library.open(freshDir('import-lib'));
  files = freshDir('import-files');
});
afterAll(() => lib.close());
const put = (name: string, data: Buffer | string) => {
  const p = join(files, name);
  writeFileSync(p, data);
  return p;
};
/** A small valid PDF rendered by the engine. */
async function pdf(): Promise<Buffer> {
  const out = join(files, 'rendered.pdf');
  const { renderDesigns } = await import('../../main/engine/render.js');
  await renderDesigns(
    [design({ format: { widthMm: 100, heightMm: 70 }, elements: [textEl({ text: '莫给骗子当韭菜' })] })],
    { out },
  );
  const { readFileSync } = await import('node:fs');
  return readFileSync(out);
}

describe('importing external files', () => {
  it('takes JPEG, PNG, WebP, TIFF and PDF, each with a JPEG thumbnail', async () => {
    const inputs = {
      'a.jpg': await jpeg(800, 600),
      'b.png': await png(),
      'c.webp': await sharp({ create: { width: 50, height: 50, channels: 3, background: '#00f' } })
        .webp()
        .toBuffer(),
      'd.tif': await sharp({ create: { width: 50, height: 50, channels: 3, background: '#0f0' } })
        .tiff()
        .toBuffer(),
      'e.pdf': await pdf(),
    };
    for (const [name, data] of Object.entries(inputs)) {
      const { sample, duplicate } = await importFile(lib, put(name, data), { fraudTypes: ['rebate'] });
      expect(duplicate).toBe(false);
      const thumb = sample.files.find((f) => f.role === 'thumbnail')!;
      const meta = await sharp(await lib.read(thumb.sha256)).metadata();
      expect(meta.format).toBe('jpeg');
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(400);
    }
    expect((await checkLibrary(lib)).ok).toBe(true);
  });
  it('judges by content, not extension, and imports the same content only once', async () => {
    const data = await png(20, 20, '#123');
    const r = await importFile(lib, put('photo.pdf', data));
    expect(r.sample.files.find((f) => f.role === 'original')!.mime).toBe('image/png');
    expect((await importFile(lib, put('again.png', data))).duplicate).toBe(true);
  });
  it('refuses an image bomb (16,000×16,000 PNG under 1 MB) from its header, without decoding', async () => {
    const bomb = pngBomb(16000, 16000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = lib.count();
    await expect(importFile(lib, put('bomb.png', bomb))).rejects.toThrow(
      '图片「bomb.png」太大：16000×16000 像素，共 25600 万像素，上限 8000 万像素',
    );
    expect(lib.count()).toBe(before);
  });
  it('refuses truncated and corrupt images and PDFs, SVG, and unknown content', async () => {
    const j = await jpeg(400, 300);
    await expect(importFile(lib, put('cut.jpg', j.subarray(0, j.length / 2)))).rejects.toThrow(/不完整|损坏/);
    const p = await png(200, 200);
    await expect(importFile(lib, put('cut.png', p.subarray(0, 60)))).rejects.toThrow(/损坏|不完整/);
    const d = await pdf();
    await expect(importFile(lib, put('cut.pdf', d.subarray(0, d.length / 2)))).rejects.toThrow(/PDF 文件不完整/);
    await expect(importFile(lib, put('junk.pdf', '%PDF-1.7\ngarbage garbage\n%%EOF\n'))).rejects.toThrow(
      /PDF 无法打开/,
    );
    await expect(
      importFile(
        lib,
        put(
          'x.png',
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><image href="http://evil/x.png"/></svg>',
        ),
      ),
    ).rejects.toThrow(/SVG/);
    await expect(importFile(lib, put('notes.jpg', 'just text'))).rejects.toThrow(/不是支持的文件类型/);
    await expect(importFile(lib, put('empty.jpg', ''))).rejects.toThrow(/为空/);
    expect(readdirSync(lib.blobs.tmp)).toEqual([]);
    expect((await checkLibrary(lib)).ok).toBe(true);
  });
  it('imports a folder with progress, naming each skipped file and why, and reporting bad files', async () => {
    const dir = freshDir('import-folder');
    writeFileSync(join(dir, '1.jpg'), await jpeg(100, 100, '#a00'));
    writeFileSync(join(dir, '2.jpg'), await jpeg(100, 100, '#0a0'));
    writeFileSync(join(dir, 'bad.jpg'), (await jpeg(100, 100, '#00a')).subarray(0, 100));
    writeFileSync(join(dir, 'readme.txt'), 'hello');
    writeFileSync(join(dir, 'empty.png'), '');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '现场'));
    writeFileSync(join(dir, '现场', '名单.xlsx'), 'PK\u0003\u0004');
    symlinkSync(join(dir, '1.jpg'), join(dir, 'link.jpg'));
    const seen: number[] = [];
    const r = await importFolder(lib, dir, { unit: '城关派出所' }, (p) => seen.push(p.done));
    expect({ ...r, skipped: r.skipped.length }).toEqual({ imported: 2, duplicates: 0, failed: 1, skipped: 6 });
    expect(seen).toEqual([1, 2, 3]);
    const why = Object.fromEntries(r.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason]));
    expect(why).toEqual({
      '.DS_Store': '隐藏文件',
      '.git': '隐藏文件夹，未查看',
      'empty.png': '文件为空',
      'link.jpg': '快捷方式（链接），未跟随',
      'readme.txt': expect.stringMatching(/^不是图片或 PDF/),
      [join('现场', '名单.xlsx')]: expect.stringMatching(/^不是图片或 PDF/),
    });
  });

  it('guesses the kind from the size: a 6 m banner PDF, a poster PNG, a WeChat image; the user’s kind wins', async () => {
    const { renderDesigns } = await import('../../main/engine/render.js');
    const { designFromTemplate } = await import('../../main/core/index.js');
    const { getTemplate } = await import('../../main/engine/templates.js');
    const out = join(files, '横幅.pdf');
    await renderDesigns([designFromTemplate(getTemplate('banner-red-600x70'))], { out });
    const banner = (await importFile(lib, out)).sample;
    expect(banner).toMatchObject({ kind: 'banner', widthMm: 6000, heightMm: 700, format: '600×70 cm，PDF 1 页' });
    const poster = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#c00' } })
      .png()
      .withMetadata({ density: 150 })
      .toBuffer();
    expect((await importFile(lib, put('海报.png', poster))).sample.kind).toBe('poster');
    const wechat = await png(1080, 1920, '#06c');
    expect((await importFile(lib, put('朋友圈.png', wechat))).sample.kind).toBe('wechat');
    expect((await importFile(lib, put('现场.jpg', await jpeg(1600, 1200, '#765')))).sample.kind).toBe('other');
    const mine = await importFile(lib, put('贴纸.png', await png(1080, 1080, '#f0f')), { kind: 'sticker' });
    expect(mine.sample.kind).toBe('sticker');
  });
});
