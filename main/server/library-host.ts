import { homedir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../library/library.js';

/** Where the sample library lives unless told otherwise: a folder the user can find and back up. */
export function defaultLibraryDir(documents: string = homedir()): string {
  return join(documents, '反诈物料工作室', '样本库');
}

/**
 * The studio's sample library, opened on first use (the design flow never pays for SQLite) and
 * kept open; a failure to open is reported to the caller each time, never cached.
 */
export class LibraryHost {
  private opening: Promise<Library> | undefined;

  constructor(readonly dir: string) {}

  get(): Promise<Library> {
    if (!this.opening) {
      this.opening = Library.open(this.dir);
      this.opening.catch(() => (this.opening = undefined));
    }
    return this.opening;
  }

  async close(): Promise<void> {
    const lib = await this.opening?.catch(() => undefined);
    lib?.close();
    this.opening = undefined;
  }
}
