import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { API } from '../../main/core/api.js';
import { DesignSchema, type StudioDesign } from '../../main/core/index.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { SceneCache } from '../../main/server/handlers/preview.js';
import { testContext } from '../helpers/context.js';
import { handlerCalls } from '../helpers/handler-calls.js';
import { design, textEl } from '../helpers/designs.js';
import { noisyPhoto, plainPhoto } from '../helpers/photos.js';

/*
 * Assets by reference (#12 §1): the page's design names its photos by SHA-256; the bytes stay on
 * the main side, go back into the file on save, and come out of it on open.
 */
const ctx = testContext();
const h = createHandlers(ctx);
afterAll(() => ctx.dispose());

const { call, ok } = handlerCalls(h);
const upload = async (name: string, data: Buffer) => (await ctx.uploads.fromBytes(name, data)).uploadId;

/** A poster with a photo slot holding `asset` (a reference or embedded). */
const poster = (asset?: Record<string, unknown>): StudioDesign =>
  design({
    name: '照片海报',
    format: { widthMm: 500, heightMm: 700, dpi: 150 },
    assets: asset ? { photo: asset } : {},
    elements: [
      {
        id: 'ph',
        type: 'image',
        slot: 'photo',
        asset: asset ? 'photo' : undefined,
        box: { x: 0, y: 0, w: 500, h: 400 },
      },
      textEl({
        id: 'slogan',
        slot: 'slogan',
        text: '白菜青菜油麦菜、莫给骗子当韭菜',
        box: { x: 20, y: 420, w: 460, h: 200 },
      }),
    ],
  }) as StudioDesign;

describe('images by reference', () => {
  it('addAsset checks an uploaded photo, keeps it once by its SHA-256 and names it', async () => {
    const jpeg = await plainPhoto(1200, 800);
    const ref = await ok('addAsset', { uploadId: await upload('街景.jpg', jpeg) });
    expect(ref).toMatchObject({
      mime: 'image/jpeg',
      name: '街景.jpg',
      bytes: jpeg.length,
      widthPx: 1200,
      heightPx: 800,
    });
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(ctx.assets.path(ref.sha256)).equals(jpeg)).toBe(true);
    expect((await ok('addAsset', { uploadId: await upload('again.jpg', jpeg) })).sha256).toBe(ref.sha256);
  });

  it('writes nothing until the first image comes in, then makes its folder', async () => {
    const { AssetStore } = await import('../../main/server/assets.js');
    const { existsSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = join(mkdtempSync(join(tmpdir(), 'studio-assets-')), 'not', 'there');
    const store = new AssetStore(dir);
    expect(existsSync(dir)).toBe(false);
    const ref = await store.put(await plainPhoto(50, 40), 'a.jpg');
    expect(existsSync(store.path(ref.sha256))).toBe(true);
  });

  it('refuses what is not a photo, by its bytes, with what to do', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const r1 = await call('addAsset', { uploadId: await upload('logo.jpg', svg) });
    expect(r1).toMatchObject({ ok: false, error: { code: 'bad-image' } });
    expect(!r1.ok && r1.error.message).toMatch(/SVG/);
    const r2 = await call('addAsset', { uploadId: await upload('IMG_0001.HEIC', Buffer.from('ftypheic0000')) });
    expect(!r2.ok && r2.error.message).toMatch(/HEIC/);
    const broken = (await plainPhoto(400, 300)).subarray(0, 600);
    const r3 = await call('addAsset', { uploadId: await upload('半张.jpg', broken) });
    expect(r3).toMatchObject({ ok: false, error: { code: 'bad-image' } });
  });

  it('the API carries no image bytes: an embedded image is refused, a reference is drawn', async () => {
    const jpeg = await plainPhoto(800, 600);
    const embedded = poster({ mime: 'image/jpeg', data: jpeg.toString('base64') });
    expect(API.previewSvg.input.safeParse({ design: embedded }).success).toBe(false);
    expect((await call('previewSvg', { design: embedded })).ok).toBe(false);
    const ref = await ok('addAsset', { uploadId: await upload('p.jpg', jpeg) });
    const { layers } = await ok('previewSvg', { design: poster(ref) });
    // The photo is a layer of its own, by reference, between the SVG under it and the one over it.
    expect(layers.map((l: { kind: string }) => l.kind)).toEqual(['svg', 'photo', 'svg']);
    expect(layers[1]).toMatchObject({ sha256: ref.sha256, clip: { x: 0, y: 0, w: 500, h: 400, r: 0 } });
    expect(JSON.stringify(layers)).not.toMatch(/base64/);
    expect((await ok('preflight', { design: poster(ref) })).findings).toBeInstanceOf(Array);
  });

  it('a keystroke on a poster with a 20 MB photo sends a few kilobytes', async () => {
    const photo = await noisyPhoto(5000, 4000);
    expect(photo.length).toBeGreaterThan(15 * 1024 * 1024);
    const ref = await ok('addAsset', { uploadId: await upload('相机照片.jpg', photo) });
    const body = JSON.stringify({ design: poster(ref) });
    console.log(
      `[assets] previewSvg body with a ${(photo.length / 2 ** 20).toFixed(1)} MB photo: ${body.length} bytes`,
    );
    expect(body.length).toBeLessThanOrEqual(64 * 1024);
    // Warm: the photo was checked and shrunk once; a keystroke only lays out again.
    await ok('previewSvg', { design: poster(ref) });
    const t0 = performance.now();
    const answer = await ok('previewSvg', { design: { ...poster(ref), name: '改了名字' } });
    const bytes = JSON.stringify(answer).length;
    console.log(
      `[assets] warm previewSvg with the photo: ${(performance.now() - t0).toFixed(1)} ms, answer ${(bytes / 1024).toFixed(0)} KB`,
    );
    expect(bytes).toBeLessThan(256 * 1024);
  });

  it('saveDesign embeds the photo (the file opens anywhere); openDesign keeps it here again', async () => {
    const jpeg = await plainPhoto(640, 480);
    const ref = await ok('addAsset', { uploadId: await upload('照片.jpg', jpeg) });
    const saved = await ok('saveDesign', { design: poster(ref) });
    const text = readFileSync(ctx.downloads.get(saved.downloadId)!.path, 'utf8');
    const file = DesignSchema.parse(JSON.parse(text));
    expect(file.assets.photo).toEqual({ mime: 'image/jpeg', data: jpeg.toString('base64'), name: '照片.jpg' });
    const opened = await ok('openDesign', { uploadId: await upload('照片海报.csdesign', Buffer.from(text)) });
    expect(opened.assets.photo).toEqual(ref);
  });

  it('a reference whose image is gone says to put the image in again', async () => {
    const r = await call('previewSvg', {
      design: poster({ mime: 'image/png', sha256: 'a'.repeat(64), bytes: 10, widthPx: 10, heightPx: 10 }),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-image' } });
    expect(!r.ok && r.error.message).toMatch(/重新放入/);
  });

  it('preview and preflight of one design state share one scene', async () => {
    const scenes = new SceneCache(ctx.assets.load);
    const d = poster();
    const first = scenes.get(d);
    expect(scenes.get(structuredClone(d))).toBe(first);
    expect(scenes.get({ ...d, name: '别的' })).not.toBe(first);
    const preview = await scenes.preview(d);
    const report = await scenes.preflight(structuredClone(d));
    expect(preview.notes.map((n) => n.kind)).toContain('empty-slot');
    expect(report.findings.map((f) => f.code)).toContain('empty-slot');
  });

  it('the image field and the preview show the photo small, never the file', async () => {
    const jpeg = await plainPhoto(3000, 2000);
    const ref = await ok('addAsset', { uploadId: await upload('大图.jpg', jpeg) });
    const { createResources } = await import('../../main/server/resources.js');
    const resources = createResources(ctx);
    const r = (await resources(`/assets/${ref.sha256}/thumbnail.jpg`)) as { data: Buffer; type: string };
    expect(r.type).toBe('image/jpeg');
    expect((await sharp(r.data).metadata()).width).toBeLessThanOrEqual(400);
    // The preview's photo layer: the upright image at screen size, for the browser to keep.
    const screen = (await resources(`/assets/${ref.sha256}/screen`)) as { data: Buffer; type: string };
    expect(await sharp(screen.data).metadata()).toMatchObject({ width: 2048, format: 'jpeg' });
    expect(await resources(`/assets/${'0'.repeat(64)}/screen`)).toBeUndefined();
  });
});
