import { createWriteStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { StudioError } from '../core/index.js';
import { withAtomicFile } from '../node/atomic.js';
import { BlobStore, fsyncFile } from './blobs.js';
import { assertNotNewer } from './db.js';
import { DB_NAME, type Library } from './library.js';
import { extractZip } from './zip-read.js';

/** The whole library in one zip: a consistent SQLite snapshot (online backup API) and every blob. */
export async function backupLibrary(lib: Library, out: string): Promise<{ files: number }> {
  const snap = lib.blobs.tempPath('backup') + '.db';
  try {
    await lib.db.backup(snap);
    const shas = lib.db.prepare('SELECT DISTINCT sha256 FROM files').pluck().all() as string[];
    const yazl = await import('yazl');
    const zip = new yazl.ZipFile();
    zip.addFile(snap, DB_NAME);
    for (const sha of shas) zip.addFile(lib.blobs.path(sha), `blobs/${sha.slice(0, 2)}/${sha}`, { compress: false });
    zip.end();
    await withAtomicFile(
      out,
      (f) =>
        new Promise<void>((ok, fail) => {
          zip.outputStream
            .on('error', fail)
            .pipe(createWriteStream(f.tempPath, { flags: 'wx' }))
            .on('error', fail)
            .on('close', ok);
        }),
    );
    return { files: shas.length };
  } finally {
    await fs.rm(snap, { force: true });
  }
}

/**
 * Restore a backup into an empty (or new) folder: extract to staging, check the database is not
 * from a newer version and every blob's hash, then move the blobs and, last, the database in.
 */
export async function restoreLibrary(zipPath: string, dir: string): Promise<{ files: number }> {
  await fs.mkdir(dir, { recursive: true });
  if (
    await fs.stat(join(dir, DB_NAME)).then(
      () => true,
      () => false,
    )
  ) {
    throw new StudioError('invalid-input', `${dir} 中已有素材库，恢复只能写入空文件夹`);
  }
  const blobs = new BlobStore(dir);
  await blobs.init();
  const staging = blobs.tempPath('restore');
  await fs.mkdir(staging);
  try {
    const entries = await extractZip(zipPath, staging);
    const db = entries.find((e) => e.name === DB_NAME);
    if (!db) throw new StudioError('invalid-input', `${zipPath} 不是素材库备份（缺少 ${DB_NAME}）`);
    assertNotNewer(db.path);
    const Sqlite = (await import('better-sqlite3')).default;
    const conn = new Sqlite(db.path, { readonly: true });
    let needed: string[];
    try {
      needed = conn.prepare('SELECT DISTINCT sha256 FROM files').pluck().all() as string[];
    } finally {
      conn.close();
    }
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const sha of needed) {
      const e = byName.get(`blobs/${sha.slice(0, 2)}/${sha}`);
      if (!e) throw new StudioError('invalid-input', `备份不完整：缺少文件 ${sha}`);
      if (e.sha256 !== sha) throw new StudioError('invalid-input', `备份中的文件 ${sha} 已损坏（摘要不符）`);
    }
    for (const sha of needed) {
      const e = byName.get(`blobs/${sha.slice(0, 2)}/${sha}`)!;
      await fsyncFile(e.path);
      await blobs.moveIn(e.path, sha);
    }
    await fsyncFile(db.path);
    await fs.rename(db.path, join(dir, DB_NAME));
    return { files: needed.length };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
