import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupLibrary, restoreLibrary } from '../../main/library/backup.js';
import { exportBundle } from '../../main/library/bundle-export.js';
import { importBundle } from '../../main/library/bundle-import.js';
import { checkLibrary } from '../../main/library/check.js';
import { Library } from '../../main/library/library.js';
import { decodeName, extractZip } from '../../main/library/zip-read.js';
import { freshDir, jpeg, rawZip } from './fixtures.js';

let src: Library;
let dst: Library;
let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = freshDir('bundle-files');
  src = await Library.open(freshDir('bundle-src'));
  dst = await Library.open(freshDir('bundle-dst'));
  for (const [i, title] of ['鱼市横幅', '韭菜海报', '挂机提醒'].entries()) {
    const data = await jpeg(40 + i, 40);
    await src.add({ title, publishedAt: '2025-04-0' + (i + 1), tags: ['春季'] }, [
      { role: 'original', data, mime: 'image/jpeg', name: `${title}.jpg` },
      { role: 'thumbnail', data, mime: 'image/jpeg', name: 'thumbnail.jpg' },
    ]);
  }
  bundle = join(dir, '样本.zip');
  await exportBundle(
    src,
    src.db
      .prepare('SELECT id FROM samples')
      .pluck()
      .all()
      .map((id) => src.get(id as string)!),
    bundle,
  );
});
afterAll(() => {
  src.close();
  dst.close();
});

/** The library's content, to show a refused bundle changed nothing. */
const snapshot = (l: Library) => ({
  rows: l.db.prepare('SELECT id, title FROM samples ORDER BY id').all(),
  blobs: readdirSync(l.blobs.root).sort(),
  tmp: readdirSync(l.blobs.tmp),
});

describe('bundles', () => {
  it('round-trips samples with their files and metadata; a second import adds nothing', async () => {
    const r = await importBundle(dst, bundle);
    expect(r.added).toHaveLength(3);
    for (const id of r.added) expect(dst.get(id)).toEqual(src.get(id));
    expect((await importBundle(dst, bundle)).skipped).toHaveLength(3);
    expect((await checkLibrary(dst)).ok).toBe(true);
  });
  it('dedupes by content: the same photo under another id is skipped', async () => {
    const other = await Library.open(freshDir('bundle-other'));
    const s = src.get(src.db.prepare('SELECT id FROM samples LIMIT 1').pluck().get() as string)!;
    const data = await src.read(s.files[0]!.sha256);
    await other.add({ title: '另一个编号', publishedAt: '2025-01-01' }, [
      { role: 'original', data, mime: 'image/jpeg', name: 'x.jpg' },
      { role: 'thumbnail', data, mime: 'image/jpeg', name: 't.jpg' },
    ]);
    const r = await importBundle(other, bundle);
    expect(r).toMatchObject({ added: expect.any(Array), skipped: expect.any(Array) });
    expect(r.added).toHaveLength(2);
    expect(r.skipped).toHaveLength(1);
    other.close();
  });

  it.each<[string, () => Buffer, RegExp]>([
    ['../ path', () => rawZip([{ name: '../evil.txt', data: Buffer.from('x') }]), /不安全的路径/],
    ['absolute path', () => rawZip([{ name: '/etc/evil', data: Buffer.from('x') }]), /不安全的路径/],
    ['Windows drive path', () => rawZip([{ name: 'C:/evil', data: Buffer.from('x') }]), /不安全的路径/],
    ['backslash path', () => rawZip([{ name: '..\\evil', data: Buffer.from('x') }]), /不安全的路径/],
    ['symlink', () => rawZip([{ name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), /符号链接/],
    [
      'duplicate names',
      () =>
        rawZip([
          { name: 'a.txt', data: Buffer.from('1') },
          { name: 'A.txt', data: Buffer.from('2') },
        ]),
      /重复/,
    ],
    [
      'huge compression ratio',
      () => rawZip([{ name: 'zeros', data: Buffer.alloc(50 * 1024 * 1024), deflate: true }]),
      /压缩比/,
    ],
    [
      'size that lies',
      () => rawZip([{ name: 'a', data: Buffer.alloc(10_000, 1), declaredSize: 100 }]),
      /大小|损坏|解压/,
    ],
    ['truncated zip', () => readFileSync(bundle).subarray(0, 2000), /损坏|无法读取/],
    ['not a bundle', () => rawZip([{ name: 'hello.txt', data: Buffer.from('x') }]), /缺少 manifest/],
    [
      'tampered file',
      () => {
        const files = extracted();
        const m = JSON.parse(files.get('manifest.json')!.toString());
        const first = m.samples[0].files[0].path;
        files.set(first, Buffer.concat([files.get(first)!, Buffer.from('!')]));
        return rawZip([...files].map(([name, data]) => ({ name, data })));
      },
      /摘要不符/,
    ],
    [
      'extra file',
      () =>
        rawZip(
          [...extracted()]
            .map(([name, data]) => ({ name, data }))
            .concat([{ name: 'samples/x/evil.exe', data: Buffer.from('MZ') }]),
        ),
      /清单之外/,
    ],
  ])('refuses a malicious bundle (%s) and leaves the library as it was', async (_n, make, message) => {
    const before = snapshot(dst);
    const p = join(dir, 'bad.zip');
    writeFileSync(p, make());
    await expect(importBundle(dst, p)).rejects.toThrow(message);
    expect(snapshot(dst)).toEqual(before);
  });

  it('decodes GBK entry names (Chinese Windows zippers) and UTF-8 ones', async () => {
    expect(await decodeName(iconv.encode('鱼市横幅.jpg', 'gbk'), 0)).toBe('鱼市横幅.jpg');
    expect(await decodeName(Buffer.from('鱼市横幅.jpg'), 0x800)).toBe('鱼市横幅.jpg');
    const p = join(dir, 'gbk.zip');
    writeFileSync(p, rawZip([{ name: iconv.encode('样本/韭菜.txt', 'gbk'), data: Buffer.from('x') }]));
    const staging = freshDir('bundle-gbk-staging');
    expect((await extractZip(p, staging)).map((e) => e.name)).toEqual(['样本/韭菜.txt']);
  });
});

/** The real bundle's entries by name. */
let cache: Map<string, Buffer> | undefined;
function extracted(): Map<string, Buffer> {
  if (cache) return new Map(cache);
  throw new Error('call after prepare');
}
beforeAll(async () => {
  const staging = freshDir('bundle-read');
  const entries = await extractZip(bundle, staging);
  cache = new Map(entries.map((e) => [e.name, readFileSync(e.path)]));
});

describe('backup and restore', () => {
  it('restores the whole library into an empty folder, which then checks clean', async () => {
    const out = join(dir, 'backup.zip');
    await backupLibrary(src, out);
    const target = freshDir('bundle-restored');
    await restoreLibrary(out, target);
    const l = await Library.open(target);
    expect(l.count()).toBe(src.count());
    expect((await checkLibrary(l)).ok).toBe(true);
    l.close();
    await expect(restoreLibrary(out, target)).rejects.toThrow(/已有素材库/);
  });
});
