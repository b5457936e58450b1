import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamClient } from '../../main/team/client.js';
import { startTeamServer } from '../../main/team/server.js';
import { openTeamDb } from '../../main/team/db.js';
import { studio } from '../helpers/cli.js';
import { sanmingProfile } from '../helpers/profile.js';
import { freshDatabase, freshDir, newSample, PASSWORD, team, type Team } from './helpers.js';

let t: Team;
let dir: string;
let approvedId: string;
beforeAll(async () => {
  t = await team('backup');
  dir = freshDir('backup-out');
  const zhang = await t.as('zhang');
  const wang = await t.as('wang');
  const s = await newSample(zhang, '备份前发布的鱼市横幅', { submit: true });
  await wang.call('approveSample', { id: s.id });
  approvedId = s.id;
  await newSample(zhang, '备份前的草稿');
  await (await t.as('zhao')).call('publishProfile', { unit: '城关派出所', profile: sanmingProfile() });
});
afterAll(async () => t?.close());

describe('backup and restore (pg_dump plus files)', () => {
  it('backs up a running server and restores it elsewhere, certificate, accounts, files and audit log included', async () => {
    const out = join(dir, 'backup-1');
    const b = await studio(['team-admin', '--db', t.url, 'backup', '--data', t.dataDir, '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('已备份');
    expect(readdirSync(out).sort()).toEqual(['blobs', 'database.dump', 'manifest.json', 'tls']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ schema: 'campaign-studio/team-backup', files: 2, schemaVersion: 1 });
    // Into a non-empty folder: refused.
    expect((await studio(['team-admin', '--db', t.url, 'backup', '--data', t.dataDir, '--out', out])).stderr).toContain(
      '不是空的',
    );

    const db2 = await freshDatabase('restored');
    const data2 = join(dir, 'data-2');
    const r = await studio(['team-admin', '--db', db2, 'restore', '--data', data2, '--from', out]);
    expect(r.code, r.stderr).toBe(0);
    const pool = await openTeamDb(db2);
    const server = await startTeamServer({
      db: pool,
      host: '127.0.0.1',
      port: 0,
      dataDir: data2,
      log: () => undefined,
    });
    try {
      expect(server.fingerprint).toBe(t.server.fingerprint);
      const li = new TeamClient(server.url, server.fingerprint);
      await li.login('li', PASSWORD);
      const hits = await li.call('search', { text: '鱼市' });
      expect(hits.hits.map((h) => h.sample.id)).toEqual([approvedId]);
      const f = hits.hits[0]!.sample.files[0]!;
      expect((await li.download(approvedId, f.role, f.sha256)).length).toBe(f.size);
      expect((await li.call('profiles', {})).profiles[0]!.profile).toEqual(sanmingProfile());
      li.close();
      const actions = (await pool.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).rows.map(
        (x) => x.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['user-add', 'sample-approve', 'profile-publish', 'restore']));
      // Again into the same, now full, database: refused.
      const again = await studio(['team-admin', '--db', db2, 'restore', '--data', join(dir, 'data-3'), '--from', out]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('目标数据库不是空的');
    } finally {
      await server.close();
      await pool.end();
    }
  });

  it('refuses a backup whose files were damaged, and leaves the target database empty', async () => {
    const out = join(dir, 'backup-2');
    expect((await studio(['team-admin', '--db', t.url, 'backup', '--data', t.dataDir, '--out', out])).code).toBe(0);
    const sub = readdirSync(join(out, 'blobs'))[0]!;
    const victim = join(out, 'blobs', sub, readdirSync(join(out, 'blobs', sub))[0]!);
    writeFileSync(victim, Buffer.concat([readFileSync(victim), Buffer.from('x')]));
    const db3 = await freshDatabase('damaged');
    const r = await studio(['team-admin', '--db', db3, 'restore', '--data', join(dir, 'data-4'), '--from', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('内容与其摘要不符');
    const pool = await import('../../main/team/db.js').then((m) => m.openPool(db3));
    expect(
      (await pool.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"))
        .rows[0],
    ).toEqual({ n: 0 });
    await pool.end();
    expect(existsSync(join(dir, 'data-4', 'tls'))).toBe(false);
  });
});
