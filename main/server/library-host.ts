import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DB_NAME, Library } from '../library/library.js';

/** The library's folder name: one name everywhere (the UI, the guide, the CLI say 素材库). */
export const LIBRARY_FOLDER = '素材库';
/** What the folder was called before the name was settled; libraries there keep opening there. */
const LEGACY_FOLDER = '样本库';

/**
 * Where the library lives unless told otherwise: a folder the user can find and back up —
 * `反诈物料工作室/素材库`, or the older `样本库` when a library is already there and no 素材库 is.
 */
export function defaultLibraryDir(documents: string = homedir()): string {
  const base = join(documents, '反诈物料工作室');
  const current = join(base, LIBRARY_FOLDER);
  const legacy = join(base, LEGACY_FOLDER);
  if (!existsSync(current) && existsSync(join(legacy, DB_NAME))) return legacy;
  return current;
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
