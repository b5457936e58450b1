import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../main/library/library.js';
import { importFile } from '../../main/library/import-files.js';
import { NetworkError, TeamClient } from '../../main/team/client.js';
import { openPool, type Pool } from '../../main/team/db.js';
import { Outbox } from '../../main/team/outbox.js';
import { pushLocalSample } from '../../main/team/push.js';
import { studio } from '../helpers/cli.js';
import { startDropProxy, type DropProxy } from './drop-proxy.js';
import { freshDatabase, freshDir, PASSWORD, team, type Team } from './helpers.js';
import { spawnServer, type ServerProcess } from './server-process.js';

const BIN = resolve(import.meta.dirname, '../../bin/campaign-studio.js');

/** A photo-like image that compresses badly, so an upload takes many packets. */
const noisy = (w: number, h: number) =>
  sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();

/** No sample without all its files; every file named by a row is on disk with its content intact. */
async function assertConsistent(pool: Pool, dataDir: string, filesPerSample: number): Promise<void> {
  const half = await pool.query(
    `SELECT s.id, count(f.role)::int AS n FROM samples s LEFT JOIN files f ON f.sample_n = s.n
      GROUP BY s.id HAVING count(f.role) <> $1`,
    [filesPerSample],
  );
  expect(half.rows).toEqual([]);
  const shas = await pool.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM files');
  for (const { sha256 } of shas.rows) {
    const data = readFileSync(join(dataDir, 'blobs', sha256.slice(0, 2), sha256));
    expect(createHash('sha256').update(data).digest('hex')).toBe(sha256);
  }
}

describe('the server killed during a submit', () => {
  let db: string;
  let dir: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    db = await freshDatabase('killed');
    dir = freshDir('killed');
    const add = await studio(
      ['team-admin', '--db', db, 'add-user', 'zhang', '--unit', '城关派出所', '--role', 'editor', '--password-stdin'],
      {
        input: PASSWORD,
      },
    );
    expect(add.code).toBe(0);
  });
  afterAll(async () => server?.stop());

  it('loses nothing committed and leaves no half sample; a repeated submit adds each once', async () => {
    const photos: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = join(dir, `鱼市-${i}.jpg`);
      writeFileSync(p, await noisy(700, 500));
      photos.push(p);
    }
    const data = join(dir, 'data');
    server = await spawnServer(db, data);
    const port = server.port;
    const pool = openPool(db, { max: 2 });
    /** The CLI submitting every photo; `progress` resolves at its first reported push. */
    const submit = () => {
      let stdout = '';
      let first: () => void = () => undefined;
      const progress = new Promise<void>((r) => (first = r));
      const child = spawn(
        process.execPath,
        [
          BIN,
          'team',
          '--server',
          server!.url,
          '--user',
          'zhang',
          '--password-stdin',
          '--fingerprint',
          server!.fingerprint,
          'submit',
          ...photos,
        ],
        { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, HOME: join(dir, 'home') } },
      );
      child.stdin.end(PASSWORD);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        first();
      });
      const done = new Promise<{ code: number | null; stdout: string }>((r) =>
        child.on('close', (code) => r({ code, stdout })),
      );
      return { done, progress, lines: () => stdout.split('\n').filter(Boolean).length };
    };
    let seed = 17;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const reported = new Set<string>();
    let midway = 0;
    try {
      for (let i = 0; i < 5; i++) {
        const run = submit();
        // Killed while the submit is under way: after its first push, a random moment into the next ones.
        await Promise.race([run.progress, run.done]);
        await new Promise((r) => setTimeout(r, rand() * 400));
        if (run.lines() < photos.length) midway++;
        await server.kill();
        await new Promise((r) => setTimeout(r, 200));
        server = await spawnServer(db, data, port);
        const r = await run.done;
        for (const m of r.stdout.matchAll(/^已(?:提交|存在).*? ([0-9a-f]{8}) {2}/gm)) reported.add(m[1]!);
        await assertConsistent(pool, data, 2);
        // Everything the client was told is there, is there.
        const ids = (await pool.query<{ id: string }>('SELECT id::text FROM samples')).rows.map((x) =>
          x.id.slice(0, 8),
        );
        for (const id of reported) expect(ids).toContain(id);
      }
      expect(midway).toBeGreaterThanOrEqual(2);
      const last = await submit().done;
      expect(last.code).toBe(0);
      const n = await pool.query<{ n: number; sub: number }>(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'submitted')::int AS sub FROM samples",
      );
      expect(n.rows[0]).toEqual({ n: 10, sub: 10 });
      expect(reported.size).toBeGreaterThan(0);
      await assertConsistent(pool, data, 2);
    } finally {
      await pool.end();
    }
  });
});

describe('a push after a dropped connection', () => {
  let t: Team;
  let proxy: DropProxy;
  let lib: Library;
  let client: TeamClient;
  beforeAll(async () => {
    t = await team('dropped');
    const dir = freshDir('dropped-proxy');
    proxy = await startDropProxy(t.server.url, dir);
    lib = await Library.open(join(dir, 'local'));
    client = new TeamClient(proxy.url, proxy.fingerprint);
    await client.login('zhang', PASSWORD);
  });
  afterAll(async () => {
    client?.close();
    lib?.close();
    await proxy?.close();
    await t?.close();
  });

  const localSample = async (name: string) => {
    const p = join(lib.dir, name);
    writeFileSync(p, await noisy(400, 300));
    return (await importFile(lib, p, { title: name })).sample;
  };
  const samplesOf = async (title: string) =>
    (await t.pool.query<{ id: string }>('SELECT id::text FROM samples WHERE title = $1', [title])).rows.map(
      (r) => r.id,
    );
  const creates = async (id: string) =>
    (await t.pool.query("SELECT 1 FROM audit_log WHERE action = 'sample-create' AND target_id = $1", [id])).rowCount;

  it('completes exactly once when the answer to the create was lost after the server committed', async () => {
    const s = await localSample('lost-answer.jpg');
    proxy.drop({ method: 'POST', path: /^\/api\/createSample$/, when: 'after', times: 1 });
    const r = await pushLocalSample(client, lib, s.id, { submit: true });
    expect(proxy.dropped).toContain('POST /api/createSample after');
    expect(r.duplicate).toBe(true);
    expect(r.sample.status).toBe('submitted');
    expect(await samplesOf('lost-answer.jpg')).toEqual([r.sample.id]);
    expect(await creates(r.sample.id)).toBe(1);
    // And pushing it once more, later, still changes nothing.
    expect((await pushLocalSample(client, lib, s.id, { submit: true })).sample.id).toBe(r.sample.id);
    expect(await samplesOf('lost-answer.jpg')).toHaveLength(1);
  });

  it('completes exactly once when the request never arrived, or an upload was cut half-way', async () => {
    const s = await localSample('never-arrived.jpg');
    proxy.drop({ method: 'POST', path: /^\/api\/createSample$/, when: 'before', times: 1 });
    proxy.drop({ method: 'PUT', path: /^\/api\/blobs\//, when: 'mid-upload', times: 1 });
    const r = await pushLocalSample(client, lib, s.id, { submit: false });
    expect(proxy.dropped.filter((d) => /before|mid-upload/.test(d))).toHaveLength(2);
    expect(r.duplicate).toBe(false);
    expect(await samplesOf('never-arrived.jpg')).toEqual([r.sample.id]);
    // The cut upload left no stored blob and no temp file behind.
    await new Promise((res) => setTimeout(res, 200));
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
    const rows = await t.pool.query('SELECT sha256 FROM blobs');
    expect(rows.rowCount).toBe((await t.pool.query('SELECT DISTINCT sha256 FROM files')).rowCount);
  });

  it('keeps queued offline work until the server is reachable, then pushes it once', async () => {
    const s = await localSample('offline-work.jpg');
    const outbox = new Outbox(join(lib.dir, '..', 'outbox.json'));
    await outbox.add(proxy.url, s.id, true);
    await outbox.add(proxy.url, s.id, true);
    expect(await outbox.list(proxy.url)).toHaveLength(1);
    proxy.drop({ method: 'POST', path: /^\/api\/createSample$/, when: 'before', times: 4 });
    const offline = await outbox.pushAll(client, lib);
    expect(offline).toMatchObject({ pushed: [], failed: [], waiting: 1 });
    const [queued] = await outbox.list(proxy.url);
    expect(queued!.lastError).toContain('无法连接团队服务器');
    const online = await outbox.pushAll(client, lib);
    expect(online.pushed).toHaveLength(1);
    expect(await outbox.list()).toEqual([]);
    expect(await samplesOf('offline-work.jpg')).toEqual([online.pushed[0]!.result.sample.id]);
  });

  it('a client whose connection drops outright gets a NetworkError it can retry on', async () => {
    proxy.drop({ method: 'POST', path: /^\/api\/search$/, when: 'before', times: 1 });
    await expect(client.call('search', { text: '鱼' })).rejects.toBeInstanceOf(NetworkError);
    expect((await client.call('search', { text: 'lost-answer' })).total).toBe(1);
  });
});
