import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  isAssetRef,
  MAX_ASSET_BYTES,
  megabytes,
  StudioError,
  type AssetRef,
  type Design,
  type StudioDesign,
} from '../core/index.js';
import { prepareBytes, type AssetLoader } from '../engine/assets/prepare.js';
import { sniff } from '../library/sniff.js';
import { writeFileAtomic } from '../node/atomic.js';

/*
 * The images of the designs being edited, kept on the main side by the SHA-256 of their bytes: the
 * page's design names them (AssetRef), so a keystroke in a poster with a 20 MB photo sends a few
 * kilobytes. Files come in by upload (addAsset) or inside a design file (ingest), and go back into
 * the file when it is saved or published (embed). The folder outlives the process, so a design
 * recovered from the autosave after a crash still finds its photos; files unused for a month go.
 */

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
const KEEP_MS = 30 * 24 * 60 * 60_000;
const SHA = /^[0-9a-f]{64}$/;

/** Where the images live unless told otherwise: the user's cache folder. */
export function defaultAssetsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'campaign-studio', 'images');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'campaign-studio', 'images');
}

const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export class AssetStore {
  /** The folder is made when the first image comes in; nothing is written before the user adds one. */
  constructor(readonly dir: string) {
    void this.sweep();
  }

  path(sha256: string): string {
    if (!SHA.test(sha256)) throw new StudioError('invalid-input', '图片摘要格式不对');
    return join(this.dir, sha256);
  }

  /**
   * Checks an image (by its bytes, never its name: PNG, JPEG or WebP, decodable, not a pixel
   * bomb), keeps it and names it. The same image twice is kept once.
   */
  async put(data: Buffer, name?: string): Promise<AssetRef> {
    const label = name ?? '图片';
    if (data.length === 0) throw new StudioError('bad-image', `「${label}」是空文件`);
    if (data.length > MAX_ASSET_BYTES)
      throw new StudioError('bad-image', `「${label}」超过 ${megabytes(MAX_ASSET_BYTES)}，请先压缩`);
    const type = sniff(data.subarray(0, 4096));
    if (type === 'svg')
      throw new StudioError('bad-image', `「${label}」是 SVG 矢量图，图片位只接受 PNG、JPEG 或 WebP 照片`);
    if (type !== 'jpeg' && type !== 'png' && type !== 'webp')
      throw new StudioError('bad-image', `「${label}」不是 PNG、JPEG 或 WebP 图片（手机的 HEIC 照片请先另存为 JPEG）`);
    const sha256 = sha256Of(data);
    // Decoded once here: a broken file is refused now, and the first preview finds it ready.
    const img = await prepareBytes(label, data, sha256);
    const path = this.path(sha256);
    const now = new Date();
    const kept = await fs.utimes(path, now, now).then(
      () => true,
      () => false,
    );
    if (!kept) {
      await fs.mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, data);
    }
    const ref: AssetRef = {
      mime: MIME[type],
      sha256,
      name: name?.slice(0, 200),
      bytes: data.length,
      widthPx: img.widthPx,
      heightPx: img.heightPx,
    };
    return ref;
  }

  async has(sha256: string): Promise<boolean> {
    return fs.access(this.path(sha256)).then(
      () => true,
      () => false,
    );
  }

  /** An image's bytes; a file gone from the cache (cleaned up) says what to do. */
  async read(sha256: string, name?: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.path(sha256));
    } catch {
      throw new StudioError(
        'bad-image',
        `图片「${name ?? sha256.slice(0, 8)}」已不在本机的图片缓存中（可能已被清理）：请重新放入这张图片`,
      );
    }
  }

  /** The engine's way to the bytes of a referenced image. */
  readonly load: AssetLoader = (ref) => this.read(ref.sha256, ref.name);

  /** A design from a file (images embedded) as the page edits it: every image kept here and named. */
  async ingest(design: Design): Promise<StudioDesign> {
    const assets: StudioDesign['assets'] = {};
    for (const [id, a] of Object.entries(design.assets)) {
      if (!isAssetRef(a)) assets[id] = await this.put(Buffer.from(a.data, 'base64'), a.name ?? id);
      else if (await this.has(a.sha256)) assets[id] = a;
      else await this.load(a); // throws: the message says to put the image in again
    }
    return { ...design, assets };
  }

  /** A design as a file holds it: each referenced image's bytes put back in (base64). */
  async embed(design: Design): Promise<Design> {
    const assets: Design['assets'] = {};
    for (const [id, a] of Object.entries(design.assets)) {
      assets[id] = isAssetRef(a) ? { mime: a.mime, data: (await this.load(a)).toString('base64'), name: a.name } : a;
    }
    return { ...design, assets };
  }

  /** Files nobody has used for a month (by modification time, which `put` refreshes). */
  async sweep(now = Date.now(), keepMs = KEEP_MS): Promise<number> {
    let removed = 0;
    for (const name of await fs.readdir(this.dir).catch(() => [])) {
      const p = join(this.dir, name);
      const st = await fs.stat(p).catch(() => undefined);
      if (st?.isFile() && now - st.mtimeMs > keepMs) {
        await fs.rm(p, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
