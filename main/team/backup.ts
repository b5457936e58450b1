import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, promises as fs, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { StudioError } from '../core/index.js';
import { BlobStore, fsyncFile } from '../library/blobs.js';
import { audit, type Actor } from './audit.js';
import { openPool, openTeamDb, schemaVersion, tx } from './db.js';
import { readJsonFile, writeJsonFile } from './json-file.js';
import { SCHEMA_VERSION } from './migrations/index.js';

/*
 * A backup is a folder: database.dump (pg_dump, custom format) taken from one snapshot, every
 * file that snapshot names (blobs/ab/<sha256>, each hash checked while copied), the server's
 * certificate and key (tls/, so stations need not confirm a new fingerprint after a restore) and
 * manifest.json. Restore goes into an empty database and an empty data folder: files first, then
 * the database in one transaction — the same order as every write (a row never names a missing file).
 */

const MANIFEST = 'manifest.json';
const ManifestSchema = z.object({
  schema: z.literal('campaign-studio/team-backup', { message: '不是团队库的备份文件夹' }),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  files: z.number().int(),
  bytes: z.number(),
});

/** pg_dump / pg_restore: the given folder, else the newest Debian install, else PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore', binDir?: string): string {
  if (binDir) return join(binDir, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(root, versions[0], 'bin', name) : name;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.on('error', (e) =>
      fail(
        new StudioError('output-failed', `无法运行 ${cmd}：请安装 PostgreSQL 客户端或用 --pg-bin 指明其位置`, [
          e.message,
        ]),
      ),
    );
    p.on('close', (code) =>
      code === 0
        ? done()
        : fail(new StudioError('output-failed', `${cmd} 失败（退出码 ${code}）`, err.trim().split('\n').slice(-8))),
    );
  });
}

/** Copy a file, checking its SHA-256 on the way; fsynced. */
async function copyChecked(from: string, to: string, sha: string): Promise<void> {
  const h = createHash('sha256');
  const hashing = new Transform({
    transform(c: Buffer, _e, done) {
      h.update(c);
      done(null, c);
    },
  });
  await pipeline(createReadStream(from), hashing, createWriteStream(to, { flags: 'wx' }));
  if (h.digest('hex') !== sha) {
    await fs.rm(to, { force: true });
    throw new StudioError('output-failed', `文件 ${sha} 的内容与其摘要不符（磁盘损坏？）`, [from]);
  }
  await fsyncFile(to);
}

async function emptyOrMissing(dir: string): Promise<boolean> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.length === 0;
}

export async function backupTeam(
  dbUrl: string,
  dataDir: string,
  out: string,
  who: Actor,
  opts: { pgBin?: string | undefined } = {},
): Promise<{ files: number; bytes: number }> {
  if (!(await emptyOrMissing(out)))
    throw new StudioError('invalid-input', `备份文件夹 ${out} 不是空的，请换一个新文件夹`);
  await fs.mkdir(join(out, 'blobs'), { recursive: true });
  const pool = openPool(dbUrl, { max: 2 });
  try {
    const result = await tx(pool, async (c) => {
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const snap = (await c.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s;
      // pg_dump sees exactly what this transaction sees, so the files listed below match the dump.
      await run(pgTool('pg_dump', opts.pgBin), [
        '--format=custom',
        `--snapshot=${snap}`,
        `--file=${join(out, 'database.dump')}`,
        `--dbname=${dbUrl}`,
      ]);
      const blobs = await c.query<{ sha256: string; size: number }>(
        'SELECT sha256, size::float8 AS size FROM blobs ORDER BY sha256',
      );
      const src = new BlobStore(dataDir);
      let bytes = 0;
      for (const b of blobs.rows) {
        await fs.mkdir(join(out, 'blobs', b.sha256.slice(0, 2)), { recursive: true });
        await copyChecked(src.path(b.sha256), join(out, 'blobs', b.sha256.slice(0, 2), b.sha256), b.sha256);
        bytes += b.size;
      }
      return { files: blobs.rows.length, bytes, version: await schemaVersion(c) };
    });
    if (existsSync(join(dataDir, 'tls'))) await fs.cp(join(dataDir, 'tls'), join(out, 'tls'), { recursive: true });
    await writeJsonFile(join(out, MANIFEST), {
      schema: 'campaign-studio/team-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      schemaVersion: result.version,
      files: result.files,
      bytes: result.bytes,
    });
    await tx(pool, (c) =>
      audit(c, who, 'backup', { type: 'database', id: out }, { files: result.files, bytes: result.bytes }),
    );
    return { files: result.files, bytes: result.bytes };
  } finally {
    await pool.end();
  }
}

export async function restoreTeam(
  dbUrl: string,
  dataDir: string,
  from: string,
  who: Actor,
  opts: { pgBin?: string | undefined } = {},
): Promise<{ files: number }> {
  const manifest = await readJsonFile(join(from, MANIFEST), ManifestSchema.nullable(), null, '备份清单');
  if (!manifest) throw new StudioError('invalid-input', `${from} 中没有 ${MANIFEST}：不是团队库的备份文件夹`);
  if (manifest.schemaVersion > SCHEMA_VERSION)
    throw new StudioError(
      'invalid-input',
      `备份来自更新版本的服务器（数据版本 ${manifest.schemaVersion}），请先升级软件`,
    );
  const probe = openPool(dbUrl, { max: 1 });
  try {
    const tables = await probe.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    if (tables.rows[0]!.n > 0 || (await schemaVersion(probe)) > 0)
      throw new StudioError('invalid-input', '目标数据库不是空的，未恢复', [
        '请用 createdb 新建一个空库后再恢复（见 docs/team.md）',
      ]);
  } finally {
    await probe.end();
  }
  const blobsDir = join(dataDir, 'blobs');
  if (!(await emptyOrMissing(blobsDir)))
    throw new StudioError('invalid-input', `数据文件夹 ${dataDir} 中已有文件，未恢复`);
  const store = new BlobStore(dataDir);
  await store.init();
  let files = 0;
  for (const d of await fs.readdir(join(from, 'blobs'))) {
    if (!/^[0-9a-f]{2}$/.test(d)) continue;
    for (const sha of await fs.readdir(join(from, 'blobs', d))) {
      if (!/^[0-9a-f]{64}$/.test(sha) || !sha.startsWith(d)) continue;
      const tmp = store.tempPath('restore');
      await copyChecked(join(from, 'blobs', d, sha), tmp, sha);
      await store.moveIn(tmp, sha);
      files++;
    }
  }
  if (files !== manifest.files)
    throw new StudioError('invalid-input', `备份中的文件数（${files}）与清单（${manifest.files}）不符，数据库未恢复`);
  if (existsSync(join(from, 'tls')) && !existsSync(join(dataDir, 'tls')))
    await fs.cp(join(from, 'tls'), join(dataDir, 'tls'), { recursive: true });
  await run(pgTool('pg_restore', opts.pgBin), [
    '--no-owner',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${dbUrl}`,
    join(from, 'database.dump'),
  ]);
  // A backup from an older server is brought up to date like any database.
  const pool = await openTeamDb(dbUrl, { max: 2 });
  try {
    await tx(pool, (c) => audit(c, who, 'restore', { type: 'database', id: from }, { files }));
  } finally {
    await pool.end();
  }
  return { files };
}
