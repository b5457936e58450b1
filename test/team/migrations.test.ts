import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { checkChineseSearch, migrate, openPool, openTeamDb, schemaVersion } from '../../main/team/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/team/migrations/index.js';
import { cluster, freshDatabase } from './helpers.js';

describe('team database migrations', () => {
  it('001: creates the schema, records its version, and is not applied twice', async () => {
    const url = await freshDatabase('mig1');
    const pool = openPool(url);
    try {
      expect(await schemaVersion(pool)).toBe(0);
      expect(await migrate(pool, 1)).toBe(1);
      expect(await schemaVersion(pool)).toBe(1);
      const tables = await pool.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.t)).toEqual([
        'audit_log',
        'blobs',
        'files',
        'login_failures',
        'samples',
        'schema_migrations',
        'sessions',
        'shared_templates',
        'unit_profiles',
        'units',
        'users',
      ]);
      // The trigram index is there and serves a Chinese substring search.
      await pool.query('SET enable_seqscan = off');
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        "EXPLAIN SELECT n FROM samples s WHERE s.search_text LIKE '%网中鱼%'",
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('samples_text');
      expect(await migrate(pool)).toBe(0);
      expect((await pool.query('SELECT * FROM schema_migrations')).rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await pool.end();
    }
  });

  it('runs once when two servers start together', async () => {
    const url = await freshDatabase('mig-race');
    const [a, b] = [openPool(url), openPool(url)];
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      expect(applied.sort()).toEqual([0, SCHEMA_VERSION]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('refuses a database from a newer server without changing it', async () => {
    const url = await freshDatabase('mig-newer');
    const pool = await openTeamDb(url);
    await pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999-future')");
    const before = (await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0];
    await pool.end();
    await expect(openTeamDb(url)).rejects.toThrow(/更新版本的服务器创建（数据版本 999/);
    const p2 = openPool(url);
    expect((await p2.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual(before);
    await p2.end();
  });

  it('refuses a database whose locale gives Chinese no trigrams, saying how to make one that does', async () => {
    const admin = new pg.Client({ connectionString: cluster().adminUrl });
    await admin.connect();
    const name = `t_c_locale_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'`);
    await admin.end();
    const url = cluster().adminUrl.replace(/\/postgres$/, `/${name}`);
    const pool = openPool(url);
    try {
      await migrate(pool);
      await expect(checkChineseSearch(pool)).rejects.toThrow(/不支持中文检索/);
    } finally {
      await pool.end();
    }
    await expect(openTeamDb(url)).rejects.toMatchObject({
      details: expect.arrayContaining([expect.stringContaining('C.UTF-8')]),
    });
  });

  it('says plainly when the database cannot be reached or does not exist', async () => {
    await expect(openTeamDb('postgres://postgres@127.0.0.1:1/x')).rejects.toThrow(/无法连接数据库/);
    await expect(openTeamDb(cluster().adminUrl.replace(/\/postgres$/, '/no_such_db'))).rejects.toThrow(/数据库不存在/);
    await expect(openTeamDb('not a url')).rejects.toThrow(/数据库地址「not a url」格式不对/);
  });
});
