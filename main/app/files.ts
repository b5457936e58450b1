import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { isDesignFileName } from '../core/design-file.js';

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
