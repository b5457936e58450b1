import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { addUser } from '../../main/team/accounts.js';
import type { Role } from '../../main/team/api.js';
import { consoleActor } from '../../main/team/audit.js';
import { TeamClient } from '../../main/team/client.js';
import { openTeamDb, type Pool } from '../../main/team/db.js';
import { startTeamServer, type TeamServer } from '../../main/team/server.js';
import { OUT_DIR } from '../helpers/designs.js';

/** The run's PostgreSQL cluster (test/team/pg-global-setup.ts). */
export function cluster(): { port: number; bin: string; adminUrl: string } {
  const c = inject('teamPg');
  if (!c) throw new Error('PostgreSQL 测试集群未启动：在 vitest 的 globalSetup 中加入 test/team/pg-global-setup.ts');
  return c;
}

/** A new, empty database in the run's cluster; its URL. */
export async function freshDatabase(label: string): Promise<string> {
  const name = `t_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster().adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return cluster().adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A fresh folder under test/.out/team/. */
export function freshDir(name: string): string {
  const d = join(OUT_DIR, 'team', name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return d;
}

export const ADMIN_CLI = consoleActor();

export interface Team {
  url: string;
  pool: Pool;
  server: TeamServer;
  dataDir: string;
  /** A signed-in client for one of the users made by `team()`. */
  as(user: string): Promise<TeamClient>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse 96110';

/**
 * A database, a server (in this process) on a free port and users, each with PASSWORD:
 * editors of two stations, a reviewer and an admin of the city centre.
 */
export async function team(label: string, users: [string, string, Role][] = DEFAULT_USERS): Promise<Team> {
  const url = await freshDatabase(label);
  const pool = await openTeamDb(url);
  for (const [name, unit, role] of users) await addUser(pool, ADMIN_CLI, { name, unit, role, password: PASSWORD });
  const dataDir = freshDir(label);
  const server = await startTeamServer({ db: pool, host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
  const clients: TeamClient[] = [];
  return {
    url,
    pool,
    server,
    dataDir,
    async as(user) {
      const c = new TeamClient(server.url, server.fingerprint);
      clients.push(c);
      await c.login(user, PASSWORD);
      return c;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
      await pool.end();
    },
  };
}

export const DEFAULT_USERS: [string, string, Role][] = [
  ['zhang', '城关派出所', 'editor'],
  ['zhou', '城关派出所', 'editor'],
  ['li', '东关派出所', 'editor'],
  ['wang', '市反诈中心', 'reviewer'],
  ['zhao', '市反诈中心', 'admin'],
];

let seq = 0;
/** A small PNG no other call makes (its pixels carry a counter), so each sample has its own content. */
export async function uniquePng(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const n = ++seq + process.pid * 1000;
  const px = Buffer.alloc(8 * 8 * 3, 200);
  px.writeUInt32BE(n, 0);
  px.writeUInt32BE(Date.now() % 2 ** 32, 4);
  return sharp(px, { raw: { width: 8, height: 8, channels: 3 } })
    .png()
    .toBuffer();
}

/** Upload a fresh image and make a sample of it (a draft unless `submit`). */
export async function newSample(
  c: TeamClient,
  title: string,
  opts: { submit?: boolean; slogan?: string; tags?: string[]; fraudTypes?: string[] } = {},
) {
  const png = await uniquePng();
  const sha = await c.uploadBlob(png);
  const r = await c.call('createSample', {
    meta: {
      title,
      kind: 'wechat',
      publishedAt: '2024-05-01',
      slogan: opts.slogan ?? '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
      tags: opts.tags ?? [],
      fraudTypes: (opts.fraudTypes ?? []) as never,
    },
    files: [
      { role: 'original', sha256: sha, name: `${title}.png` },
      { role: 'thumbnail', sha256: sha, name: 'thumbnail.png' },
    ],
    submit: opts.submit ?? false,
  });
  return r.sample;
}

/** The session token a signed-in client holds (tests send hand-made requests with it). */
export const tokenOf = (c: TeamClient): string => (c as unknown as { token: string }).token;

/** A request exactly as written (no URL normalisation, no pinning: a test talking to its own server). */
export function rawRequest(
  serverUrl: string,
  method: string,
  path: string,
  token: string,
  body?: Buffer,
): Promise<{ status: number; body: string }> {
  const u = new URL(serverUrl);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method,
        path,
        rejectUnauthorized: false,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Length': body.length } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}
