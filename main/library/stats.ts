import type { LibraryStats } from '../core/library-search.js';
import type { Library } from './library.js';

export type { LibraryStats } from '../core/library-search.js';

/** Counts of live (not trashed) samples by month published, kind, fraud type and unit. */
export function stats(lib: Library): LibraryStats {
  const db = lib.db;
  const group = (sql: string) =>
    Object.fromEntries((db.prepare(sql).all() as { v: string; c: number }[]).map((r) => [r.v || '（未填）', r.c]));
  const live = 'WHERE s.trashed_at IS NULL';
  const f = db
    .prepare('SELECT count(*) AS n, coalesce(sum(size), 0) AS b FROM (SELECT DISTINCT sha256, size FROM files)')
    .get() as { n: number; b: number };
  return {
    total: db.prepare(`SELECT count(*) FROM samples s ${live}`).pluck().get() as number,
    trashed: db.prepare('SELECT count(*) FROM samples WHERE trashed_at IS NOT NULL').pluck().get() as number,
    byMonth: group(
      `SELECT substr(s.published_at, 1, 7) AS v, count(*) AS c FROM samples s ${live} GROUP BY v ORDER BY v`,
    ),
    byKind: group(`SELECT s.kind AS v, count(*) AS c FROM samples s ${live} GROUP BY v ORDER BY c DESC`),
    byFraudType: group(
      `SELECT j.value AS v, count(*) AS c FROM samples s, json_each(s.fraud_types) j ${live} GROUP BY v ORDER BY c DESC`,
    ),
    byUnit: group(`SELECT s.unit AS v, count(*) AS c FROM samples s ${live} GROUP BY v ORDER BY c DESC`),
    files: f.n,
    bytes: f.b,
  };
}
