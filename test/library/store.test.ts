import { existsSync, promises as fs, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLibrary } from '../../main/library/check.js';
import { Library } from '../../main/library/library.js';
import { freshDir, jpeg } from './fixtures.js';

const meta = { title: '鱼市横幅', publishedAt: '2025-04-01' };
let open: Library[] = [];
async function lib(name: string, opts = {}) {
  const l = await Library.open(freshDir(name), opts);
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open) l.close();
  open = [];
});

describe('blob store and sample rows', () => {
  it('stores files by sha256 and reads them back; check passes', async () => {
    const l = await lib('store-basic');
    const data = await jpeg();
    const s = await l.add(meta, [
      { role: 'original', data, mime: 'image/jpeg', name: 'a.jpg' },
      { role: 'thumbnail', data, mime: 'image/jpeg', name: 't.jpg' },
    ]);
    expect(s.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await l.read(s.files[0]!.sha256)).equals(data)).toBe(true);
    expect(existsSync(l.blobs.path(s.files[0]!.sha256))).toBe(true);
    expect((await checkLibrary(l)).ok).toBe(true);
  });

  it('edits metadata, trashes, restores; purge deletes the row then the file no one else uses', async () => {
    const l = await lib('store-trash');
    const a = await l.add(meta, [
      { role: 'original', data: Buffer.from('a'), mime: 'x', name: 'a' },
      { role: 'thumbnail', data: Buffer.from('shared'), mime: 'x', name: 't' },
    ]);
    const b = await l.add({ ...meta, title: 'b' }, [
      { role: 'original', data: Buffer.from('b'), mime: 'x', name: 'b' },
      { role: 'thumbnail', data: Buffer.from('shared'), mime: 'x', name: 't' },
    ]);
    expect(l.update(a.id, { title: '新标题', tags: ['鱼', '鱼', '春季'] })).toMatchObject({
      title: '新标题',
      tags: ['鱼', '春季'],
    });
    expect(() => l.update(a.id, { publishedAt: '去年' })).toThrow(/样本信息有误/);
    await expect(l.purge(a.id)).rejects.toThrow(/回收站/);
    expect(l.trash(a.id).trashedAt).not.toBeNull();
    expect(l.restore(a.id).trashedAt).toBeNull();
    l.trash(a.id);
    await l.purge(a.id);
    expect(l.get(a.id)).toBeNull();
    expect(existsSync(l.blobs.path(a.files.find((f) => f.role === 'original')!.sha256))).toBe(false);
    // the shared thumbnail is still used by b
    expect(existsSync(l.blobs.path(b.files.find((f) => f.role === 'thumbnail')!.sha256))).toBe(true);
    expect((await checkLibrary(l)).ok).toBe(true);
  });

  it('sweeps temporary and orphan files at open, keeps referenced ones', async () => {
    const dir = freshDir('store-sweep');
    let l = await Library.open(dir);
    const s = await l.add(meta, [{ role: 'thumbnail', data: Buffer.from('keep'), mime: 'x', name: 't' }]);
    const orphan = await l.blobs.put(Buffer.from('orphan'));
    writeFileSync(join(dir, 'tmp', 'blob-1-dead'), 'half');
    l.close();
    l = await Library.open(dir);
    open.push(l);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    expect(existsSync(l.blobs.path(orphan.sha256))).toBe(false);
    expect(existsSync(l.blobs.path(s.files[0]!.sha256))).toBe(true);
  });

  it('does not sweep while another live process holds the lock', async () => {
    const dir = freshDir('store-lock');
    const first = await Library.open(dir);
    const orphan = await first.blobs.put(Buffer.from('in flight'));
    first.close();
    writeFileSync(join(dir, 'library.lock'), String(process.ppid)); // a live process that is not us
    const second = await Library.open(dir);
    expect(existsSync(second.blobs.path(orphan.sha256))).toBe(true);
    second.close();
    expect(existsSync(join(dir, 'library.lock'))).toBe(true); // not ours to remove
  });

  it('disk full while storing a file: a clean error, no row, no file, nothing in tmp', async () => {
    const failing = {
      writeFile: (async (p: string, d: Buffer) => {
        await fs.writeFile(p, d.subarray(0, 3));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }) as unknown as typeof fs.writeFile,
      rename: fs.rename,
    };
    const l = await lib('store-full', { fs: failing });
    await expect(
      l.add(meta, [{ role: 'original', data: Buffer.from('x'.repeat(100)), mime: 'x', name: 'a' }]),
    ).rejects.toThrow(/磁盘已满/);
    expect(l.count()).toBe(0);
    expect(await l.blobs.list()).toEqual([]);
    expect(readdirSync(l.blobs.tmp)).toEqual([]);
  });

  it('check finds a missing and a corrupted file', async () => {
    const l = await lib('store-check');
    const a = await l.add(meta, [{ role: 'thumbnail', data: Buffer.from('one'), mime: 'x', name: 't' }]);
    const b = await l.add(meta, [{ role: 'thumbnail', data: Buffer.from('two'), mime: 'x', name: 't' }]);
    await fs.rm(l.blobs.path(a.files[0]!.sha256));
    writeFileSync(l.blobs.path(b.files[0]!.sha256), 'tw0');
    const r = await checkLibrary(l);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/缺少文件/);
    expect(r.problems.join('\n')).toMatch(/已损坏/);
  });
});
