import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseOrThrow, StudioError, systemReason } from '../core/index.js';
import { megabytes } from '../core/limits.js';
import { authenticate, DEFAULT_SESSIONS, type SessionPolicy } from './accounts.js';
import { FileRoleSchema } from '../core/index.js';
import { isMethod, MAX_BLOB_BYTES, MAX_JSON_BYTES, MAX_LARGE_JSON_BYTES, TEAM_API } from './api.js';
import type { Actor } from './audit.js';
import { TeamBlobStore } from './blob-store.js';
import { dbError, openTeamDb, type Pool } from './db.js';
import { TeamError } from './errors.js';
import { assertAccess, runMethod } from './handlers.js';
import { readAll } from './read-body.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { resolve } from './sample-rows.js';
import { loadOrCreateCertificate } from './tls.js';

export interface TeamServerOptions {
  /** postgres://… or an open pool (tests, benchmarks). */
  db: string | Pool;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Files, the generated certificate and temp files live here. */
  dataDir: string;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
  sessions?: SessionPolicy;
  /** One line per failed request (default: stderr). */
  log?: (line: string) => void;
}

export interface TeamServer {
  server: Server;
  url: string;
  port: number;
  fingerprint: string;
  certificateGenerated: boolean;
  pool: Pool;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, e: TeamError): void {
  if (res.headersSent) return void res.destroy();
  send(res, e.status, { ok: false, error: { code: e.reason, message: e.message, details: e.details } });
}

/** Any failure as a TeamError: our own refusals keep their reason; the database's get a Chinese message. */
function asTeamError(e: unknown): TeamError {
  if (e instanceof TeamError) return e;
  if (e instanceof StudioError)
    return new TeamError(e.code === 'too-large' ? 'too-large' : 'invalid-input', e.message, e.details);
  const se = dbError(e);
  return new TeamError('server-error', se.message, []);
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new TeamError('unsupported-type', '请求应为 JSON（Content-Type: application/json）');
  const tooLarge = () => new TeamError('too-large', `请求内容过大（至多 ${megabytes(limit)}）`);
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const body = await readAll(req, limit, tooLarge);
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new TeamError('invalid-input', '请求内容不是有效的 JSON');
  }
}

const bearer = (req: IncomingMessage): string | undefined =>
  /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1];

const SHA_PATH = /^\/api\/blobs\/([0-9a-f]{64})$/;
const FILE_PATH = /^\/api\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([a-z]+)$/;

/**
 * The team server: the library API over HTTPS. Routes are few and exact — POST /api/<method>,
 * PUT|HEAD /api/blobs/<sha256>, GET /api/files/<id>/<role>, GET /api/health — and anything else is 404,
 * so no path reaches the file system except a validated hash.
 */
export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  await fs.mkdir(opts.dataDir, { recursive: true }).catch((e: unknown) => {
    throw new StudioError('invalid-input', `无法创建数据文件夹 ${opts.dataDir}：${systemReason(e)}`, [], { cause: e });
  });
  const tls = await loadOrCreateCertificate(opts.dataDir, {
    cert: opts.tlsCert,
    key: opts.tlsKey,
    listenHost: opts.host,
  });
  const ownPool = typeof opts.db === 'string';
  const pool = typeof opts.db === 'string' ? await openTeamDb(opts.db, { max: 20 }) : opts.db;
  const blobs = new TeamBlobStore(opts.dataDir, pool);
  await blobs.init();
  await blobs.sweep();
  // Hourly too: a server that runs for months still clears what interrupted pushes left.
  const sweeper = setInterval(() => void blobs.sweep().catch(() => undefined), 3600_000);
  sweeper.unref();
  const sessions = opts.sessions ?? DEFAULT_SESSIONS;
  const log = opts.log ?? ((l: string) => void process.stderr.write(l + '\n'));

  const caller = async (req: IncomingMessage): Promise<Actor> =>
    authenticate(pool, bearer(req), req.socket.remoteAddress ?? '', sessions);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'https://team.invalid').pathname;
    const ip = req.socket.remoteAddress ?? '';
    if (path === '/api/health' && req.method === 'GET')
      return send(res, 200, { ok: true, value: { service: 'campaign-studio-team', schema: SCHEMA_VERSION } });
    const method = /^\/api\/([A-Za-z]+)$/.exec(path)?.[1];
    if (method && method !== 'health') {
      if (req.method !== 'POST') throw new TeamError('invalid-input', '接口只接受 POST 请求');
      if (!isMethod(method)) throw new TeamError('not-found', `没有名为「${method}」的接口`);
      const spec = TEAM_API[method];
      const token = bearer(req);
      const who = spec.access === 'public' ? undefined : await caller(req);
      assertAccess(method, who);
      const limit = 'large' in spec ? MAX_LARGE_JSON_BYTES : MAX_JSON_BYTES;
      const input = parseOrThrow(spec.input, await readJson(req, limit), '请求');
      const value = await runMethod(method, input as never, { pool, blobs, sessions, who, token, ip });
      return send(res, 200, { ok: true, value });
    }
    const blob = SHA_PATH.exec(path);
    if (blob && (req.method === 'PUT' || req.method === 'HEAD')) {
      const who = await caller(req);
      const sha = blob[1]!;
      if (req.method === 'HEAD') {
        res.writeHead((await blobs.has(sha)) ? 200 : 404).end();
        return;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BLOB_BYTES) throw new TeamError('too-large', '文件超过 500 MB');
      const r = await blobs.receive(req, sha, MAX_BLOB_BYTES, who);
      return send(res, 200, { ok: true, value: { sha256: sha, ...r } });
    }
    const file = FILE_PATH.exec(path);
    if (file && req.method === 'GET') {
      const who = await caller(req);
      const role = FileRoleSchema.safeParse(file[2]);
      if (!role.success) throw new TeamError('not-found', '没有这种文件');
      const k = await resolve(pool, who, file[1]!);
      const f = (
        await pool.query<{ sha256: string; size: number; mime: string }>(
          'SELECT sha256, size::float8 AS size, mime FROM files WHERE sample_n = $1 AND role = $2',
          [k.n, role.data],
        )
      ).rows[0];
      if (!f) throw new TeamError('not-found', '该样本没有这种文件');
      res.writeHead(200, {
        'Content-Type': f.mime,
        'Content-Length': f.size,
        'X-Content-Sha256': f.sha256,
        'Cache-Control': 'private, max-age=86400, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
      blobs
        .open(f.sha256)
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }
    throw new TeamError('not-found', '没有这个地址');
  }

  const server = createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      const te = asTeamError(e);
      if (te.reason === 'server-error')
        log(`团队服务器出错 ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      // Refused before its body was read: a small body is drained so the connection lives on; a
      // large upload is not read at all — the answer goes out and the connection closes.
      if (!req.complete && Number(req.headers['content-length'] ?? 0) > MAX_LARGE_JSON_BYTES) {
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.destroy());
      } else if (!req.complete) req.resume();
      sendError(res, te);
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 15 * 60_000;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new StudioError(
          'invalid-input',
          e.code === 'EADDRINUSE' ? `端口 ${opts.port} 已被占用` : `无法在 ${opts.host}:${opts.port} 上监听`,
          [e.message],
        ),
      ),
    );
    server.listen(opts.port, opts.host, done);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    url: `https://${shownHost}:${port}`,
    port,
    fingerprint: tls.fingerprint,
    certificateGenerated: tls.generated,
    pool,
    async close() {
      clearInterval(sweeper);
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      if (ownPool) await pool.end();
    },
  };
}
