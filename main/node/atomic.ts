import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StudioError, systemReason } from '../core/errors.js';
import { sweepStaleOutputTemps } from './temp-files.js';

/**
 * Writes an output file so that a reader never sees a partial one: everything goes to a temporary
 * file beside the target, which is fsynced and renamed over it only when complete. On any failure
 * the temporary file is removed and the previous file, if any, is untouched.
 */
/** Temporary files being written now, so an interrupted process can remove them on its way out. */
const active = new Set<string>();

/** Remove every temporary output file of this process (for SIGINT/SIGTERM handlers; synchronous). */
export function removeTemporaryOutputs(): void {
  for (const p of active) rmSync(p, { force: true });
  active.clear();
}

export class AtomicFile {
  readonly tempPath: string;
  private constructor(readonly path: string) {
    this.tempPath = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  static async open(path: string): Promise<AtomicFile> {
    const f = new AtomicFile(path);
    const dir = dirname(path);
    let isDir: boolean;
    try {
      isDir = (await fs.stat(dir)).isDirectory();
      if (isDir) await fs.access(dir, fs.constants.W_OK);
    } catch (err) {
      const why =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? `文件夹 ${dir} 不存在，请先新建它或换一个输出位置`
          : `文件夹 ${dir} ${systemReason(err)}`;
      throw new StudioError('output-failed', `无法写入输出文件 ${path}：${why}`, [], { cause: err });
    }
    if (!isDir) throw new StudioError('output-failed', `无法写入输出文件 ${path}：${dir} 不是文件夹`);
    // Temp files of renders that were killed here before (their process is gone): never ours, never others'.
    sweepStaleOutputTemps(dir);
    try {
      const st = await fs.stat(path);
      if (st.isDirectory()) throw new StudioError('output-failed', `输出路径 ${path} 是一个文件夹`);
    } catch (err) {
      if (err instanceof StudioError) throw err;
    }
    active.add(f.tempPath);
    return f;
  }

  stream(): WriteStream {
    return createWriteStream(this.tempPath, { flags: 'wx' });
  }

  /** fsync the temporary file and move it into place. */
  async commit(): Promise<void> {
    try {
      const fh = await fs.open(this.tempPath, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(this.tempPath, this.path);
      active.delete(this.tempPath);
    } catch (err) {
      await this.abort();
      throw writeFailed(this.path, err);
    }
  }

  async abort(): Promise<void> {
    await fs.rm(this.tempPath, { force: true }).catch(() => undefined);
    active.delete(this.tempPath);
  }
}

/** Run `produce` against a temporary file and commit it only if it resolves. */
export async function withAtomicFile<T>(path: string, produce: (f: AtomicFile) => Promise<T>): Promise<T> {
  const f = await AtomicFile.open(path);
  try {
    const r = await produce(f);
    await f.commit();
    return r;
  } catch (err) {
    await f.abort();
    if (err instanceof StudioError) throw err;
    throw writeFailed(path, err);
  }
}

/** A failed write in words a user can act on; the writer's own text (libvips, pdfkit, the OS) is the cause. */
function writeFailed(path: string, err: unknown): StudioError {
  const why =
    typeof (err as { code?: unknown } | null)?.code === 'string'
      ? systemReason(err)
      : '写入时出错，请确认磁盘空间足够、文件没有被其他程序打开，然后重试';
  return new StudioError('output-failed', `无法写入输出文件 ${path}：${why}`, [], { cause: err });
}

/** A whole file's bytes or text written atomically (design files, downloads): temp → fsync → rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withAtomicFile(path, (f) => fs.writeFile(f.tempPath, data, { flag: 'wx' }));
}
