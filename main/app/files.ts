import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_DESIGN_TEXT_CHARS } from '../core/api.js';
import { isDesignFileName } from '../core/design-file.js';
import { StudioError } from '../core/index.js';

/*
 * Files the renderer may touch: only those the user picked in a native dialog or passed on the
 * command line ("granted"). A compromised page cannot name a path and have us read or write it.
 */
export class FileAccess {
  private readonly granted = new Set<string>();

  grant(path: string): string {
    const p = resolve(path);
    this.granted.add(p);
    return p;
  }

  isGranted(path: string): boolean {
    return this.granted.has(resolve(path));
  }
}

/** A design file's text, refusing anything that cannot be one (folder, too large). */
export async function readDesignFile(path: string): Promise<string> {
  const st = await fs.stat(path).catch(() => undefined);
  if (!st?.isFile()) throw new StudioError('invalid-input', `找不到文件：${basename(path)}`);
  // UTF-8 Chinese is 3 bytes a character: a byte cap of 4× the character cap is generous and safe.
  if (st.size > MAX_DESIGN_TEXT_CHARS * 4) throw new StudioError('too-large', '设计文件过大（超过 64 MB）');
  const text = await fs.readFile(path, 'utf8');
  if (text.length > MAX_DESIGN_TEXT_CHARS) throw new StudioError('too-large', '设计文件过大（超过 64 MB）');
  return text;
}

/** Write temp → rename, so a crash never leaves half a design file. */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Design files the app was started with (a double-click passes one): existing .csdesign/.json paths among the arguments. */
export async function designFilesIn(argv: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || !isDesignFileName(arg)) continue;
    const p = resolve(cwd, arg);
    const st = await fs.stat(p).catch(() => undefined);
    if (st?.isFile() && !out.includes(p)) out.push(p);
  }
  return out;
}
