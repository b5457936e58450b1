import type { Database } from 'better-sqlite3';
import { up as m001 } from './001-initial.js';

/** Every migration in order; the database's user_version is the number of the last one applied. */
export const MIGRATIONS: readonly { version: number; name: string; up: (db: Database) => void }[] = [
  { version: 1, name: '001-initial', up: m001 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
