import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { StudioError, systemReason } from '../core/index.js';

const SHA = /^[0-9a-f]{64}$/;

/** The file-system calls the store makes, so a test can inject ENOSPC and the like. */
export interface BlobFs {
  writeFile: typeof fs.writeFile;
  rename: typeof fs.rename;
}

/**
 * Content-addressed files: blobs/ab/abcdef… named by their sha256. A blob is written to tmp/,
 * fsynced, renamed into place and its folder fsynced — all before the row that names it commits.
 */
export class BlobStore {
  readonly root: string;
  readonly tmp: string;
  constructor(
    dir: string,
    private readonly io: BlobFs = fs,
  ) {
    this.root = join(dir, 'blobs');
    this.tmp = join(dir, 'tmp');
  }

  async init(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    await fs.mkdir(this.tmp, { recursive: true });
  }

  path(sha: string): string {
    if (!SHA.test(sha)) throw new StudioError('invalid-input', `无效的文件摘要 ${sha}`);
    return join(this.root, sha.slice(0, 2), sha);
  }

  tempPath(label = 'blob'): string {
    return join(this.tmp, `${label}-${process.pid}-${randomBytes(6).toString('hex')}`);
  }

  async has(sha: string): Promise<boolean> {
    return fs.stat(this.path(sha)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  /** Store bytes; returns their sha256. Existing content is not written again. */
  async put(data: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (await this.has(sha256)) return { sha256, size: data.length };
    const tmp = this.tempPath();
    try {
      await this.io.writeFile(tmp, data, { flag: 'wx' });
      await fsyncFile(tmp);
      await this.moveIn(tmp, sha256);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw storeError(e);
    }
    return { sha256, size: data.length };
  }

  /** Move an already fsynced temporary file (whose hash the caller verified) into place. */
  async moveIn(tmp: string, sha256: string): Promise<void> {
    const dest = this.path(sha256);
    const dir = join(this.root, sha256.slice(0, 2));
    await fs.mkdir(dir, { recursive: true });
    await this.io.rename(tmp, dest);
    await fsyncDir(dir);
  }

  async remove(sha: string): Promise<void> {
    await fs.rm(this.path(sha), { force: true });
  }

  /** Every stored sha256. */
  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const d of await fs.readdir(this.root).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(d)) continue;
      for (const f of await fs.readdir(join(this.root, d)).catch(() => [] as string[]))
        if (SHA.test(f) && f.startsWith(d)) out.push(f);
    }
    return out;
  }

  /** Remove everything in tmp/ (left by an interrupted write). */
  async sweepTemp(): Promise<number> {
    const names = await fs.readdir(this.tmp).catch(() => [] as string[]);
    for (const n of names) await fs.rm(join(this.tmp, n), { recursive: true, force: true });
    return names.length;
  }
}

export async function fsyncFile(path: string): Promise<void> {
  const fh = await fs.open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function fsyncDir(path: string): Promise<void> {
  const fh = await fs.open(path, 'r').catch(() => null);
  if (!fh) return;
  try {
    await fh.sync();
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename is then as durable as it gets.
  } finally {
    await fh.close();
  }
}

export function storeError(e: unknown): StudioError {
  if (e instanceof StudioError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC')
    return new StudioError('output-failed', '磁盘已满，未导入任何内容，素材库保持原样', ['请腾出磁盘空间后重试'], {
      cause: e,
    });
  if (code === 'EACCES' || code === 'EPERM')
    return new StudioError(
      'output-failed',
      '没有写入素材库文件夹的权限',
      ['请换一个有写入权限的文件夹，或请管理员开放权限'],
      {
        cause: e,
      },
    );
  return new StudioError('output-failed', `写入素材库文件失败：${systemReason(e)}`, [], { cause: e });
}
