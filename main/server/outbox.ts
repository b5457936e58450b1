import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Downloads } from './downloads.js';
import { writeFileAtomic } from '../node/atomic.js';

/**
 * Small files the main side writes for the user to take at once (a saved design file, a chart):
 * offered through the download registry, the latest few kept, older ones removed with their ids.
 */
export class Outbox {
  private readonly kept: { dir: string; downloadId: string }[] = [];

  constructor(
    private readonly root: string,
    private readonly downloads: Downloads,
    private readonly keep = 4,
  ) {}

  async put(fileName: string, data: string | Uint8Array): Promise<string> {
    const dir = join(this.root, randomBytes(8).toString('hex'));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, fileName);
    await writeFileAtomic(path, data);
    const downloadId = this.downloads.add(path, fileName);
    this.kept.push({ dir, downloadId });
    while (this.kept.length > this.keep) {
      const old = this.kept.shift()!;
      this.downloads.forget(old.downloadId);
      rmSync(old.dir, { recursive: true, force: true });
    }
    return downloadId;
  }
}
