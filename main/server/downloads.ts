import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

export interface DownloadEntry {
  path: string;
  fileName: string;
}

/**
 * Finished files the user may fetch, by opaque id: exports, batch results, library bundles. One
 * registry so browser mode's GET /download/<id> and the desktop's save dialog serve them all;
 * whoever made the file owns its lifetime and calls `forget` when it removes it.
 */
export class Downloads {
  private readonly entries = new Map<string, DownloadEntry>();

  add(path: string, fileName: string = basename(path)): string {
    const id = randomBytes(16).toString('hex');
    this.entries.set(id, { path, fileName });
    return id;
  }

  get(id: string): DownloadEntry | undefined {
    return this.entries.get(id);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
