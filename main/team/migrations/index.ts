import { up as m001 } from './001-initial.js';

/** Every migration in order; schema_migrations holds the versions applied. */
export const MIGRATIONS: readonly { version: number; name: string; up: string }[] = [
  { version: 1, name: '001-initial', up: m001 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
