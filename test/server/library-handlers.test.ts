import { existsSync, readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultSchema, type ApiMethod } from '../../main/core/api.js';
import { sampleThumbnailPath } from '../../main/core/api-library.js';
import { checkLibrary } from '../../main/library/check.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { fieldLabel } from '../../main/server/handlers/library.js';
import { createResources } from '../../main/server/resources.js';
import { testContext } from '../helpers/context.js';
import { design, textEl } from '../helpers/designs.js';
import { jpeg, png } from '../library/fixtures.js';

/*
 * The library screen's methods through createHandlers(testContext()): each with good and bad input
 * (Chinese messages that name the field), import with broken files that leave the library intact,
 * and a bundle export → import round trip into a second library.
 */
const ctx = testContext();
const other = testContext();
const h = createHandlers(ctx);
const h2 = createHandlers(other);
afterAll(async () => {
  await ctx.dispose();
  await other.dispose();
});

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string; details?: string[] } };
async function call<M extends ApiMethod>(m: M, input: unknown, handlers = h): Promise<Result> {
  const r = await handlers[m](input);
  const parsed = resultSchema(m).safeParse(r);
  if (!parsed.success)
    throw new Error(`${m}: result does not match the contract: ${parsed.error.message.slice(0, 400)}`);
  return r as Result;
}
async function ok<M extends ApiMethod>(m: M, input: unknown, handlers = h) {
  const r = await call(m, input, handlers);
  if (!r.ok) throw new Error(`${m}: ${r.error.message} ${r.error.details?.join('；') ?? ''}`);
  return r.value;
}
async function bad<M extends ApiMethod>(m: M, input: unknown, handlers = h) {
  const r = await call(m, input, handlers);
  if (r.ok) throw new Error(`${m} accepted ${JSON.stringify(input).slice(0, 100)}`);
  expect(r.error.message).toMatch(/\p{Script=Han}/u);
  return r.error;
}
async function until(id: string, handlers = h) {
  for (let i = 0; i < 1200; i++) {
    const s = await ok('jobStatus', { jobId: id }, handlers);
    if (!['queued', 'running'].includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}
const upload = async (name: string, data: Buffer | string, c = ctx) =>
  (await c.uploads.fromBytes(name, typeof data === 'string' ? Buffer.from(data) : data)).uploadId;
/** Rows and blobs of a library, to show a refused file changed nothing. */
const snapshot = async (c = ctx) => {
  const lib = await c.library.get();
  return {
    rows: lib.db.prepare('SELECT id, title, updated_at FROM samples ORDER BY id').all(),
    blobs: readdirSync(lib.blobs.root).sort(),
  };
};

const SLOGAN = '鲫鱼草鱼多宝鱼、不做骗子的网中鱼';
const small = (name: string) =>
  design({
    name,
    kind: 'banner',
    format: { widthMm: 60, heightMm: 20, dpi: 72 },
    elements: [textEl({ text: SLOGAN, box: { x: 1, y: 1, w: 58, h: 18 } })],
  });
let fish: any;
let cabbage: any;
let photo: any;

/** Publishing is a job; its status names the new sample when done. */
async function publish(input: unknown, handlers = h) {
  const s = await until((await ok('publishDesign', input, handlers)).jobId, handlers);
  if (s.state !== 'done') throw new Error(`publish ${s.state}: ${s.error}`);
  return ok('librarySample', { id: s.sampleId }, handlers);
}

beforeAll(async () => {
  fish = await publish({
    design: small('鱼市横幅'),
    meta: {
      unit: '城关派出所',
      channel: '集市横幅',
      fraudTypes: ['rebate'],
      tags: ['春季', '鱼市'],
      publishedAt: '2025-04-02',
    },
  });
  cabbage = await publish({
    design: small('韭菜海报'),
    meta: {
      kind: 'poster',
      unit: '东关派出所',
      fraudTypes: ['loan'],
      slogan: '白菜青菜油麦菜、莫给骗子当韭菜',
      publishedAt: '2024-11-20',
    },
  });
  const lib = await ctx.library.get();
  const data = await jpeg(120, 90, '#36c');
  photo = await lib.add(
    { title: '集市现场照片', kind: 'wechat', publishedAt: '2025-05-01', unit: '城关派出所', notes: '<b>鱼</b>摊位' },
    [
      { role: 'original', data, mime: 'image/jpeg', name: '现场.jpg' },
      { role: 'thumbnail', data, mime: 'image/jpeg', name: 'thumbnail.jpg' },
    ],
  );
});

describe('library methods', () => {
  it('librarySearch: pages, highlights as plain pieces, facets only when asked', async () => {
    const r = await ok('librarySearch', { text: '鱼', sort: 'date' });
    expect(r.total).toBe(2);
    expect(r.facets).toBeUndefined();
    const hit = r.hits.find((x: any) => x.sample.id === fish.id);
    expect(hit.highlights.title).toEqual(['', '鱼', '市横幅']);
    expect(hit.highlights.slogan.filter((_: string, i: number) => i % 2 === 1)).toEqual(['鱼', '鱼', '鱼', '鱼']);
    // A field with markup-like text comes back as text: the UI never parses it.
    const p = r.hits.find((x: any) => x.sample.id === photo.id);
    expect(p.highlights.notes).toEqual(['<b>', '鱼', '</b>摊位']);
    const page = await ok('librarySearch', { sort: 'date', limit: 2, offset: 2 });
    expect(page.hits.map((x: any) => x.sample.title)).toEqual(['韭菜海报']);
    const f = await ok('librarySearch', { unit: ['城关派出所'], facets: true });
    expect(f.facets.unit).toEqual({ 城关派出所: 2, 东关派出所: 1 });
    expect(f.facets.year).toEqual({ 2025: 2 });
    expect(f.facets.kind).toEqual({ banner: 1, wechat: 1 });
    expect(
      (await ok('librarySearch', { from: '2025-01', to: '2025-04' })).hits.map((x: any) => x.sample.title),
    ).toEqual(['鱼市横幅']);
  });

  it('librarySearch: bad input is refused, naming the field in Chinese', async () => {
    expect((await bad('librarySearch', { text: 'x'.repeat(201) })).details?.[0]).toBe(
      '搜索词（text）：搜索词不能超过 200 个字',
    );
    expect((await bad('librarySearch', { sort: 'size' })).details?.[0]).toMatch(/^排序（sort）：/);
    expect((await bad('librarySearch', { kind: ['tank'] })).details?.[0]).toMatch(/^类型（kind\[0\]）：样本类型应为/);
    expect((await bad('librarySearch', { limit: 5000 })).details?.[0]).toMatch(/^每页数量（limit）：/);
    expect((await bad('librarySearch', { from: '去年' })).details?.[0]).toMatch(/^起始日期（from）：日期应为/);
    await bad('librarySearch', { evil: 1 });
  });

  it('libraryIds: every id of a query in grid order', async () => {
    expect((await ok('libraryIds', { sort: 'date' })).ids).toEqual([photo.id, fish.id, cabbage.id]);
    expect((await ok('libraryIds', { text: '韭菜' })).ids).toEqual([cabbage.id]);
    await bad('libraryIds', { limit: 3 });
  });

  it('librarySample and libraryUpdate: edits only the given fields; bad values named in Chinese', async () => {
    expect((await ok('librarySample', { id: fish.id })).title).toBe('鱼市横幅');
    expect((await bad('librarySample', { id: 'nope' })).details?.[0]).toBe('样本编号（id）：样本编号格式不对');
    expect((await bad('librarySample', { id: '00000000-0000-4000-8000-000000000000' })).message).toMatch(
      /没有这个样本/,
    );
    const u = await ok('libraryUpdate', {
      id: fish.id,
      meta: { title: '鱼市大横幅', tags: ['春季', '鱼市', '重点'], location: '南门鱼市' },
    });
    expect(u).toMatchObject({
      title: '鱼市大横幅',
      unit: '城关派出所',
      location: '南门鱼市',
      tags: ['春季', '鱼市', '重点'],
    });
    expect((await ok('librarySearch', { text: '南门鱼市' })).hits[0].highlights.location).toEqual(['', '南门鱼市', '']);
    const before = await snapshot();
    expect((await bad('libraryUpdate', { id: fish.id, meta: { title: '  ' } })).details?.[0]).toBe(
      '标题（meta.title）：标题不能为空',
    );
    expect((await bad('libraryUpdate', { id: fish.id, meta: { publishedAt: '2025/4/2' } })).details?.[0]).toBe(
      '发布日期（meta.publishedAt）：发布日期应为 YYYY-MM-DD',
    );
    expect((await bad('libraryUpdate', { id: fish.id, meta: { fraudTypes: ['aliens'] } })).details?.[0]).toMatch(
      /^诈骗类型（meta\.fraudTypes\[0\]）：诈骗类型应为/,
    );
    expect((await bad('libraryUpdate', { id: fish.id, meta: { widthMm: -1 } })).details?.[0]).toMatch(
      /^宽度（meta\.widthMm）：/,
    );
    expect((await bad('libraryUpdate', { id: fish.id, meta: { owner: 'x' } })).code).toBe('invalid-input');
    expect(await snapshot()).toEqual(before);
    expect(fieldLabel(['meta', 'tags', 2])).toBe('标签（meta.tags[2]）');
  });

  it('trash, restore, purge (trashed only, for good)', async () => {
    const lib = await ctx.library.get();
    const data = await png(30, 30, '#999');
    const junk = await lib.add({ title: '作废样本', publishedAt: '2023-02-02' }, [
      { role: 'original', data, mime: 'image/png', name: 'x.png' },
      { role: 'thumbnail', data: await jpeg(10, 10, '#999'), mime: 'image/jpeg', name: 'thumbnail.jpg' },
    ]);
    expect((await bad('libraryPurge', { ids: [junk.id] })).message).toMatch(/不在回收站中/);
    expect(await ok('libraryTrash', { ids: [junk.id, junk.id] })).toEqual({ count: 1 });
    expect((await ok('libraryIds', { trashed: true })).ids).toEqual([junk.id]);
    expect((await ok('librarySearch', { text: '作废' })).total).toBe(0);
    expect(await ok('libraryRestore', { ids: [junk.id] })).toEqual({ count: 1 });
    expect((await ok('librarySearch', { text: '作废' })).total).toBe(1);
    await ok('libraryTrash', { ids: [junk.id] });
    expect(await ok('libraryPurge', { ids: [junk.id] })).toEqual({ count: 1 });
    expect(lib.get(junk.id)).toBeNull();
    expect(existsSync(lib.blobs.path(junk.files[0]!.sha256))).toBe(false);
    expect((await bad('libraryTrash', { ids: [] })).details?.[0]).toBe('样本编号（ids）：请至少选择一个样本');
    expect((await bad('libraryRestore', { ids: ['x'] })).details?.[0]).toBe('样本编号（ids[0]）：样本编号格式不对');
    expect((await checkLibrary(lib)).ok).toBe(true);
  });

  it('libraryOpenDesign and libraryDuplicate give the stored design (the copy renamed)', async () => {
    expect((await ok('libraryOpenDesign', { id: cabbage.id })).name).toBe('韭菜海报');
    const dup = await ok('libraryDuplicate', { id: cabbage.id });
    expect(dup.name).toBe('韭菜海报（副本）');
    expect(dup.elements[0].text).toBe(SLOGAN);
    expect((await bad('libraryDuplicate', { id: photo.id })).message).toMatch(/没有可编辑的设计/);
    expect((await bad('libraryOpenDesign', { id: photo.id })).message).toMatch(/没有可编辑的设计/);
    await bad('libraryDuplicate', {});
  });

  it('libraryFile registers a sample file for download, under a clean name', async () => {
    const pdf = cabbage.files.find((f: any) => f.role === 'pdf');
    const r = await ok('libraryFile', { id: cabbage.id, sha256: pdf.sha256 });
    expect(r.fileName).toBe('韭菜海报.pdf');
    const hit = ctx.downloads.get(r.downloadId)!;
    expect(readFileSync(hit.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await ok('libraryFile', { id: cabbage.id, sha256: pdf.sha256 })).downloadId).toBe(r.downloadId);
    const thumb = cabbage.files.find((f: any) => f.role === 'thumbnail');
    expect((await ok('libraryFile', { id: cabbage.id, sha256: thumb.sha256 })).fileName).toBe('韭菜海报-缩略图.jpg');
    expect((await bad('libraryFile', { id: cabbage.id, sha256: 'a'.repeat(64) })).message).toMatch(/没有这个文件/);
    expect((await bad('libraryFile', { id: cabbage.id, sha256: '../x' })).details?.[0]).toMatch(
      /^文件摘要（sha256）：/,
    );
  });

  it("libraryLocation: the folder, and where a sample's main file is", async () => {
    expect(await ok('libraryLocation', {})).toEqual({ folder: ctx.libraryDir });
    const r = await ok('libraryLocation', { id: photo.id });
    expect(r.file).toBe(
      (await ctx.library.get()).blobs.path(photo.files.find((f: any) => f.role === 'original').sha256),
    );
    await bad('libraryLocation', { id: 5 });
  });

  it('serves thumbnails by sample id; unknown ids are 404', async () => {
    const res = createResources(ctx);
    const r = await res(sampleThumbnailPath(fish.id));
    expect(r && 'data' in r && r.type).toBe('image/jpeg');
    expect((await sharp((r as { data: Buffer }).data).metadata()).format).toBe('jpeg');
    expect(await res(sampleThumbnailPath('00000000-0000-4000-8000-000000000000'))).toBeUndefined();
    expect(res('/library/thumbnails/../library.db')).toBeUndefined();
  });

  it('libraryStats; libraryStatsImage accepts a PNG only', async () => {
    const s = await ok('libraryStats', {});
    expect(s).toMatchObject({
      total: 3,
      trashed: 0,
      byKind: { banner: 1, poster: 1, wechat: 1 },
      byUnit: { 城关派出所: 2, 东关派出所: 1 },
    });
    expect(s.byMonth).toEqual({ '2024-11': 1, '2025-04': 1, '2025-05': 1 });
    const img = await ok('libraryStatsImage', {
      uploadId: await upload('chart.png', await png(200, 100)),
      fileName: '素材统计-2025年5月.png',
    });
    expect(img.fileName).toBe('素材统计-2025年5月.png');
    expect((await sharp(ctx.downloads.get(img.downloadId)!.path).metadata()).width).toBe(200);
    expect(
      (await bad('libraryStatsImage', { uploadId: await upload('chart.png', await jpeg()), fileName: 'a.png' }))
        .message,
    ).toMatch(/不是有效的 PNG/);
    expect((await bad('libraryStatsImage', { uploadId: 'a'.repeat(32), fileName: 'a/b.png' })).details?.[0]).toMatch(
      /^文件名（fileName）：/,
    );
    await bad('libraryStats', { x: 1 });
  });
});

describe('import and bundles', () => {
  it('imports files with progress; broken, lying and unknown files are reported by name and leave the library intact', async () => {
    const before = (await ok('librarySearch', {})).total;
    const good = await jpeg(300, 200, '#c33');
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const ids = [
      await upload('集市宣传照.jpg', good),
      await upload('坏照片.jpg', truncated),
      await upload('伪装.pdf', await png(50, 50, '#0c0')),
      await upload(
        '外链.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://example.com/x.png"/></svg>',
      ),
      await upload('说明.txt', '这不是图片'),
      await upload('集市宣传照-重复.jpg', good),
    ];
    const lib = await ctx.library.get();
    const rows = lib.count();
    const { jobId } = await ok('libraryImport', {
      uploadIds: ids,
      meta: { unit: '西城派出所', tags: ['导入'] },
      lastModified: [Date.UTC(2024, 2, 15), null, null, null, null, null],
    });
    const s = await until(jobId);
    expect(s).toMatchObject({
      kind: 'import',
      state: 'done',
      progress: 1,
      done: 6,
      total: 6,
      imported: 2,
      duplicates: 1,
    });
    expect(s.failed.map((f: any) => f.name)).toEqual(['坏照片.jpg', '外链.svg']);
    expect(s.failed[0].reason).toMatch(/^解码失败/);
    expect(s.failed[1].reason).toMatch(/不接受 SVG/);
    expect(s.skipped).toEqual([{ name: '说明.txt', reason: expect.stringMatching(/不是图片、PDF/) }]);
    expect(lib.count()).toBe(rows + 2);
    const added = s.added.map((id: string) => lib.get(id)!);
    expect(added.map((x: any) => [x.title, x.unit, x.tags])).toEqual([
      ['集市宣传照', '西城派出所', ['导入']],
      ['伪装', '西城派出所', ['导入']],
    ]);
    expect(added[0].publishedAt).toBe('2024-03-15');
    expect(added[1].files.find((f: any) => f.role === 'original').mime).toBe('image/png');
    expect((await ok('librarySearch', {})).total).toBe(before + 2);
    expect((await checkLibrary(lib)).ok).toBe(true);
    expect(readdirSync(lib.blobs.tmp)).toEqual([]);
    // Every upload was consumed.
    for (const id of ids) expect(() => ctx.uploads.get(id)).toThrow(/找不到上传的文件/);
  });

  it('libraryImport: bad input', async () => {
    expect((await bad('libraryImport', { uploadIds: [] })).details?.[0]).toBe(
      '上传的文件（uploadIds）：请选择要导入的文件',
    );
    expect((await bad('libraryImport', { uploadIds: ['b'.repeat(32)] })).message).toMatch(/找不到上传的文件/);
    expect((await bad('libraryImport', { uploadIds: ['b'.repeat(32)], meta: { title: '全部同名' } })).code).toBe(
      'invalid-input',
    );
    expect((await bad('libraryImport', { uploadIds: ['b'.repeat(32)], meta: { kind: 'tank' } })).details?.[0]).toMatch(
      /^类型（meta\.kind）：/,
    );
    expect((await bad('libraryImport', { uploadIds: ['b'.repeat(32)], lastModified: [1, 2] })).details?.[0]).toMatch(
      /^文件日期（lastModified）：/,
    );
    expect((await bad('jobStatus', { jobId: 'c'.repeat(32) })).message).toMatch(/找不到这个任务/);
    expect((await bad('cancelJob', { jobId: '../x' })).details?.[0]).toMatch(/^jobId：/);
  });

  it('a bundle of a selection round-trips into another library; a broken bundle changes nothing', async () => {
    const { jobId } = await ok('libraryExportBundle', { ids: [fish.id, photo.id] });
    const s = await until(jobId);
    expect(s).toMatchObject({ kind: 'bundle', state: 'done', total: 2, done: 2 });
    expect(s.fileName).toMatch(/^素材库-\d{8}-2个样本\.zip$/);
    const zip = readFileSync(ctx.downloads.get(s.downloadId)!.path);
    expect(s.bytes).toBe(zip.length);

    const before = await snapshot(other);
    const broken = await ok(
      'libraryImport',
      { uploadIds: [await upload('坏包.zip', zip.subarray(0, zip.length - 300), other)] },
      h2,
    );
    const b = await until(broken.jobId, h2);
    expect(b).toMatchObject({ state: 'done', imported: 0 });
    expect(b.failed[0].name).toBe('坏包.zip');
    expect(await snapshot(other)).toEqual(before);

    const { jobId: imp } = await ok('libraryImport', { uploadIds: [await upload('素材.zip', zip, other)] }, h2);
    const r = await until(imp, h2);
    expect(r).toMatchObject({ state: 'done', imported: 2, duplicates: 0, failed: [] });
    expect(new Set(r.added)).toEqual(new Set([fish.id, photo.id]));
    const copied = await ok('librarySample', { id: fish.id }, h2);
    const original = await ok('librarySample', { id: fish.id });
    expect(copied).toEqual(original);
    expect((await ok('libraryDuplicate', { id: fish.id }, h2)).name).toBe('鱼市横幅（副本）'); // the design's own name
    const again = await until(
      (await ok('libraryImport', { uploadIds: [await upload('素材.zip', zip, other)] }, h2)).jobId,
      h2,
    );
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect((await checkLibrary(await other.library.get())).ok).toBe(true);
  });

  it('exports every result of a query; refuses an empty choice', async () => {
    const s = await until((await ok('libraryExportBundle', { query: { unit: ['城关派出所'] } })).jobId);
    expect(s).toMatchObject({ state: 'done', total: 2 });
    const none = await until((await ok('libraryExportBundle', { query: { text: '没有这样的样本' } })).jobId);
    expect(none).toMatchObject({ state: 'error', error: '没有要导出的样本' });
    expect((await bad('libraryExportBundle', {})).details?.[0]).toMatch(/^样本编号（ids）：请给出样本编号或搜索条件/);
    expect((await bad('libraryExportBundle', { ids: [fish.id], query: {} })).code).toBe('invalid-input');
    const gone = await until(
      (await ok('libraryExportBundle', { ids: ['00000000-0000-4000-8000-000000000000'] })).jobId,
    );
    expect(gone.error).toMatch(/没有这个样本/);
  });

  it('cancel stops an import between files; what was done stays complete', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await upload(`批量-${i}.jpg`, await jpeg(400 + i, 300, '#123')));
    const { jobId } = await ok('libraryImport', { uploadIds: ids });
    for (let i = 0; i < 200; i++) {
      const s = await ok('jobStatus', { jobId });
      if (s.done >= 1) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await ok('cancelJob', { jobId })).toEqual({ cancelled: true });
    const s = await until(jobId);
    expect(s.state).toBe('cancelled');
    expect(s.done).toBeLessThan(12);
    expect(s.imported).toBe(s.added.length);
    expect(await ok('cancelJob', { jobId })).toEqual({ cancelled: false });
    expect((await checkLibrary(await ctx.library.get())).ok).toBe(true);
    for (const id of ids) expect(() => ctx.uploads.get(id)).toThrow();
  });
});
