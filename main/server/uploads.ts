import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StudioError } from '../core/index.js';
import { privateTempDir } from '../node/temp-files.js';

/** One file the user handed over: a library import, a batch table, an image for a slot. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** Uploads are consumed within minutes; older ones are removed. */
const KEEP_MS = 60 * 60_000;

export interface Upload {
  uploadId: string;
  /** The name the user's file had (no folders), for messages and file-type sniffing. */
  name: string;
  path: string;
  bytes: number;
}

class TooLarge extends Error {}

/** The base name only, so a name can never walk out of the upload folder. */
export function cleanUploadName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\0-\x1f<>:"|?*]/g, '_')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? '未命名文件' : clean;
}

/**
 * Bytes from the renderer (browser mode: POST /upload; desktop: the preload's upload) kept in a
 * private temp folder until a method consumes them by id. The renderer never names a path.
 */
export class Uploads {
  private readonly root = privateTempDir('uploads');
  private readonly items = new Map<string, Upload & { at: number }>();

  async fromStream(rawName: string, body: Readable, limit = MAX_UPLOAD_BYTES): Promise<Upload> {
    const uploadId = randomBytes(16).toString('hex');
    const name = cleanUploadName(rawName);
    const dir = join(this.root, uploadId);
    await fs.mkdir(dir);
    const path = join(dir, name);
    let bytes = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            bytes += chunk.length;
            if (bytes > limit) throw new TooLarge();
            yield chunk;
          }
        },
        createWriteStream(path, { flags: 'wx' }),
      );
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      if (e instanceof TooLarge)
        throw new StudioError('invalid-input', `文件「${name}」过大：至多 ${Math.round(limit / 1024 / 1024)} MB`);
      throw e;
    }
    this.sweep();
    const up = { uploadId, name, path, bytes, at: Date.now() };
    this.items.set(uploadId, up);
    return { uploadId, name, path, bytes };
  }

  async fromBytes(rawName: string, data: Uint8Array, limit = MAX_UPLOAD_BYTES): Promise<Upload> {
    const { Readable } = await import('node:stream');
    return this.fromStream(rawName, Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), limit);
  }

  /** The upload by id, or a Chinese error the user can act on. */
  get(uploadId: string): Upload {
    const up = this.items.get(uploadId);
    if (!up) throw new StudioError('invalid-input', '找不到上传的文件（可能已过期），请重新选择文件');
    return { uploadId: up.uploadId, name: up.name, path: up.path, bytes: up.bytes };
  }

  /**
   * Move an upload's file into `dir` under its own (clean) name and forget its id: photos handed
   * over for a batch go beside the batch's table, where its image cells are resolved.
   */
  async adopt(uploadId: string, dir: string): Promise<string> {
    const up = this.get(uploadId);
    const target = join(dir, up.name);
    await fs.rename(up.path, target);
    this.release(uploadId);
    return target;
  }

  /** Done with it: remove the bytes. */
  release(uploadId: string): void {
    if (!this.items.delete(uploadId)) return;
    rmSync(join(this.root, uploadId), { recursive: true, force: true });
  }

  close(): void {
    this.items.clear();
    rmSync(this.root, { recursive: true, force: true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, up] of this.items) if (now - up.at > KEEP_MS) this.release(id);
  }
}
