import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultLibraryDir } from '../../main/server/library-host.js';
import { OUT_DIR } from '../helpers/designs.js';

/* One name for the library everywhere (issue #11): the folder is 素材库, like the UI and the guide. */
const docs = join(OUT_DIR, 'library-host-docs');
const base = join(docs, '反诈物料工作室');
beforeEach(() => rmSync(docs, { recursive: true, force: true }));

describe('where the library lives', () => {
  it('is 反诈物料工作室/素材库 on a new machine', () => {
    expect(defaultLibraryDir(docs)).toBe(join(base, '素材库'));
  });

  it('keeps opening a library made under the old name 样本库', () => {
    mkdirSync(join(base, '样本库'), { recursive: true });
    writeFileSync(join(base, '样本库', 'library.db'), '');
    expect(defaultLibraryDir(docs)).toBe(join(base, '样本库'));
    // An empty old folder is not a library; a new 素材库 wins once it exists.
    rmSync(join(base, '样本库', 'library.db'));
    expect(defaultLibraryDir(docs)).toBe(join(base, '素材库'));
    writeFileSync(join(base, '样本库', 'library.db'), '');
    mkdirSync(join(base, '素材库'));
    expect(defaultLibraryDir(docs)).toBe(join(base, '素材库'));
    expect(existsSync(join(base, '样本库', 'library.db'))).toBe(true);
  });
});
