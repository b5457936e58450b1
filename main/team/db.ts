import pg from 'pg';
import { StudioError } from '../core/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type Pool = pg.Pool;
/** A connection inside a transaction (or any queryable: pool or client). */
export type Queryable = pg.Pool | pg.PoolClient;

const DATE = 1082;
const TIMESTAMPTZ = 1184;
const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ);

/** Dates stay 'YYYY-MM-DD' strings (never shifted by the time zone); timestamps become ISO strings. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE) return (v: string) => v;
    if (oid === TIMESTAMPTZ) return (v: string) => (parseTimestamp(v) as Date).toISOString();
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Migrations from two app servers starting at once run one after the other under this lock. */
const MIGRATION_LOCK = 17_0017;

export interface PoolOptions {
  /** Connections kept (default 10). */
  max?: number;
}

/** A connection pool to the team database; nothing is sent until the first query. */
export function openPool(url: string, opts: PoolOptions = {}): Pool {
  let config: pg.PoolConfig;
  try {
    new URL(url);
    config = { connectionString: url };
  } catch {
    throw new StudioError('invalid-input', `数据库地址「${url}」格式不对`, [
      '应为 postgres://用户:密码@主机:端口/数据库，例如 postgres://studio@127.0.0.1:5432/team',
    ]);
  }
  const pool = new pg.Pool({
    ...config,
    max: opts.max ?? 10,
    types,
    application_name: 'campaign-studio-team',
    connectionTimeoutMillis: 10_000,
    // A runaway query must not hold a connection for ever.
    statement_timeout: 60_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection dropped by the server (a restart, a failover) is replaced on the next query;
  // without a listener the error would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Run fn in one transaction: committed when it returns, rolled back when it throws. */
export async function tx<T>(pool: Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect().catch((e: unknown) => {
    throw dbError(e);
  });
  let broken: Error | undefined;
  try {
    await c.query('BEGIN');
    const r = await fn(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch((re: unknown) => (broken = re as Error));
    throw e;
  } finally {
    c.release(broken);
  }
}

/** A Chinese message for what PostgreSQL or the network said. */
export function dbError(e: unknown): StudioError {
  if (e instanceof StudioError) return e;
  const err = e as { code?: string; message?: string };
  const detail = [String(err.message ?? e)];
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new StudioError('output-failed', '无法连接数据库：请确认 PostgreSQL 已启动、地址和端口正确', detail);
    case '28P01':
    case '28000':
      return new StudioError('invalid-input', '数据库拒绝登录：请检查数据库地址中的用户名和密码', detail);
    case '3D000':
      return new StudioError('invalid-input', '数据库不存在：请先用 createdb 创建（见 docs/team.md）', detail);
    default:
      return new StudioError('output-failed', '数据库出错', detail);
  }
}

/** The schema version of the database (0 when it has never been migrated). */
export async function schemaVersion(db: Queryable): Promise<number> {
  const t = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!t.rows[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

const newerDatabase = (v: number) =>
  new StudioError(
    'invalid-input',
    `团队库数据库由更新版本的服务器创建（数据版本 ${v}，本软件支持到 ${SCHEMA_VERSION}），未做任何改动`,
    ['请升级反诈物料工作室后再启动团队服务器'],
  );

/**
 * Bring the database to SCHEMA_VERSION, each migration in its own transaction with its row in
 * schema_migrations. A database from a newer server is refused before anything is changed.
 */
export async function migrate(pool: Pool, upTo = SCHEMA_VERSION): Promise<number> {
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    const done = await tx(pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const current = await schemaVersion(c);
      if (current > SCHEMA_VERSION) throw newerDatabase(current);
      if (m.version <= current) return false;
      await c.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      await c.query(m.up);
      await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied++;
  }
  // Run the check even when nothing was pending: a newer database must be refused every time.
  if (!applied) {
    const v = await schemaVersion(pool);
    if (v > SCHEMA_VERSION) throw newerDatabase(v);
  }
  return applied;
}

/**
 * Chinese search needs pg_trgm to see CJK characters as word characters, which it does under a
 * C.UTF-8 (or zh_CN.UTF-8) ctype; under plain C it sees none and every search would scan.
 */
export async function checkChineseSearch(db: Queryable): Promise<void> {
  const r = await db.query<{ n: number; ctype: string; enc: string }>(
    `SELECT cardinality(show_trgm('网中鱼')) AS n, current_setting('lc_ctype') AS ctype,
            pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()`,
  );
  const row = r.rows[0]!;
  if (row.n === 0 || row.enc !== 'UTF8')
    throw new StudioError(
      'invalid-input',
      `数据库的区域设置（${row.ctype}，${row.enc}）不支持中文检索，团队服务器未启动`,
      [
        '请用 UTF8 编码、C.UTF-8 区域设置建库：initdb --locale=C.UTF-8 --encoding=UTF8，',
        '或 createdb --template=template0 --locale=C.UTF-8 --encoding=UTF8 库名（见 docs/team.md）',
      ],
    );
}

/** Open, migrate and check a team database. */
export async function openTeamDb(url: string, opts: PoolOptions = {}): Promise<Pool> {
  const pool = openPool(url, opts);
  try {
    await migrate(pool);
    await checkChineseSearch(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw dbError(e);
  }
  return pool;
}
