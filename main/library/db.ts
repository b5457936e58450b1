import { closeSync, openSync, readSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { StudioError, systemReason } from '../core/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

/**
 * The user_version of a database file, read from its header (bytes 60–63) without SQLite, so a
 * database from a newer app version can be refused without writing a byte to it (opening it with
 * WAL pragmas would). null when the file does not exist or is empty.
 */
export function headerVersion(path: string): number | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StudioError('invalid-input', `无法读取素材库数据库 ${path}：${systemReason(e)}`, [], { cause: e });
  }
  try {
    const head = Buffer.alloc(100);
    const n = readSync(fd, head, 0, 100, 0);
    if (n === 0) return null;
    if (n < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
      throw new StudioError('invalid-input', `${path} 不是素材库数据库（文件头不对）`);
    }
    return head.readUInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

/** Refuse a database written by a newer version of the app, before opening it. */
export function assertNotNewer(path: string): void {
  const v = headerVersion(path);
  if (v !== null && v > SCHEMA_VERSION) {
    throw new StudioError(
      'invalid-input',
      `素材库由更新版本的软件创建（数据版本 ${v}，本软件支持到 ${SCHEMA_VERSION}），未做任何改动`,
      ['请升级反诈物料工作室后再打开'],
    );
  }
}

/** Open (creating if needed) and migrate. Pragmas per DESIGN.md §7. */
export async function openDatabase(path: string): Promise<Database> {
  assertNotNewer(path);
  const Sqlite = (await import('better-sqlite3')).default;
  const db = new Sqlite(path);
  try {
    // First: another process opening the same new library at this moment holds the lock briefly.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Apply each pending migration in its own transaction, bumping user_version with it. */
export function migrate(db: Database, upTo = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new StudioError('invalid-input', `素材库数据版本 ${current} 比本软件新，未做任何改动`);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      // Read again under the write lock: another process may have created the library meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
