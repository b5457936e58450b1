import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { headerVersion, migrate, openDatabase } from '../../main/library/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/library/migrations/index.js';
import { Library } from '../../main/library/library.js';
import { freshDir } from './fixtures.js';

describe('migrations (one file each, by user_version)', () => {
  it('001-initial creates samples, files and the trigram index, and sets user_version 1', () => {
    const db = new Sqlite(':memory:');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").pluck().all();
    expect(names).toEqual(
      expect.arrayContaining(['samples', 'files', 'samples_fts', 'samples_ai', 'samples_ad', 'samples_au']),
    );
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'samples_fts'").pluck().get()).toContain('trigram');
    db.close();
  });
  it('are numbered 1..N in order, each in its own file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const files = readdirSync(join(import.meta.dirname, '../../main/library/migrations')).filter((f) =>
      /^\d{3}-/.test(f),
    );
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(MIGRATIONS.map((m) => m.name));
  });
  it('opens with WAL, synchronous=FULL and foreign keys on', async () => {
    const dir = freshDir('pragmas');
    const db = await openDatabase(join(dir, 'x.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(headerVersion(join(dir, 'x.db'))).toBe(SCHEMA_VERSION);
  });
  it('refuses a database from a newer version and leaves it byte for byte untouched', async () => {
    const dir = freshDir('newer');
    const path = join(dir, 'library.db');
    const db = new Sqlite(path);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(path);
    const filesBefore = readdirSync(dir).sort();
    await expect(Library.open(dir)).rejects.toThrow(/更新版本/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });
  it('refuses a file that is not a database', async () => {
    const dir = freshDir('notdb');
    writeFileSync(join(dir, 'library.db'), 'hello world, this is not sqlite'.repeat(10));
    await expect(Library.open(dir)).rejects.toThrow(/不是素材库数据库/);
  });
});
