import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { carriesDesign, isApiMethod, MAX_DESIGN_TEXT_CHARS } from '../core/api.js';
import { StudioError } from '../core/index.js';
import { appRoot } from '../engine/paths.js';
import { BodyTooLarge, readBody } from './body.js';
import { createHandlers, type Handlers } from './handlers/index.js';
import { JobManager, type JobManagerOptions } from './handlers/jobs.js';
import { consoleLogger, toError, type Logger } from './handlers/result.js';
import { thumbnail } from './handlers/thumbnails.js';
import { hostAllowed, newToken, originAllowed, securityHeaders, tokenOk } from './security.js';
import { serveStatic } from './static.js';

/** Bodies of methods without a design: a slogan, an id. */
const SMALL_BODY = 64 * 1024;
/** A design with its embedded images, JSON-encoded (the text of openDesign may escape a little). */
const DESIGN_BODY = MAX_DESIGN_TEXT_CHARS + 8 * 1024 * 1024;

export interface StudioServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  /** The built renderer; default renderer/dist of the app. */
  staticDir?: string;
  jobs?: JobManagerOptions;
  log?: Logger;
}

export interface StudioServer {
  server: Server;
  port: number;
  token: string;
  /** The URL to open, token included. */
  url: string;
  jobs: JobManager;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, code: string, message: string) => sendJson(res, status, { ok: false, error: { code, message } });

async function api(name: string, req: IncomingMessage, res: ServerResponse, handlers: Handlers): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'method-not-allowed', '接口只接受 POST 请求');
  if (!isApiMethod(name)) return fail(res, 404, 'unknown-method', `没有名为「${name}」的接口`);
  // JSON only: a cross-site HTML form cannot send this type without a CORS preflight we never grant.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return fail(res, 415, 'bad-content-type', '请求应为 JSON（Content-Type: application/json）');
  let body: Buffer;
  try {
    body = await readBody(req, carriesDesign(name) ? DESIGN_BODY : SMALL_BODY);
  } catch (err) {
    if (err instanceof BodyTooLarge) return fail(res, 413, 'too-large', '请求内容过大：设计文件至多 64 MB，其他请求至多 64 KB');
    throw err;
  }
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return fail(res, 400, 'bad-json', '请求内容不是有效的 JSON');
  }
  sendJson(res, 200, await handlers[name](input));
}

function download(id: string, res: ServerResponse, jobs: JobManager): void {
  const hit = jobs.download(id);
  if (!hit) return fail(res, 404, 'not-found', '找不到要下载的文件（可能已过期），请重新导出');
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    // RFC 6266/5987: the Chinese file name survives, and the ASCII fallback cannot break the header.
    'Content-Disposition': `attachment; filename="export${hit.fileName.slice(hit.fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(hit.fileName)}`,
    'Cache-Control': 'no-store',
  });
  createReadStream(hit.path).pipe(res);
}

/** Browser mode: the API, thumbnails, downloads and the built renderer, on 127.0.0.1 only. */
export async function startStudioServer(opts: StudioServerOptions = {}): Promise<StudioServer> {
  const log = opts.log ?? consoleLogger;
  const token = opts.token ?? newToken();
  const jobs = new JobManager({ log, ...opts.jobs });
  const handlers = createHandlers(jobs, log);
  const staticDir = opts.staticDir ?? join(appRoot(), 'renderer', 'dist');
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    if (!hostAllowed(req, port)) return fail(res, 403, 'bad-host', '拒绝访问：请用 127.0.0.1 或 localhost 打开');
    if (!originAllowed(req, port)) return fail(res, 403, 'bad-origin', '拒绝访问：请求来自其他网站');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    const guarded = path.startsWith('/api/') || path.startsWith('/thumbnails/') || path.startsWith('/download/');
    if (guarded && !tokenOk(req, url, token)) return fail(res, 401, 'bad-token', '缺少或错误的访问令牌：请用启动时打印的完整网址打开');
    if (path.startsWith('/api/')) return api(path.slice(5), req, res, handlers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'method-not-allowed', '不支持的请求方式');
    const thumb = /^\/thumbnails\/([a-z0-9-]{2,64})\.png$/.exec(path);
    if (thumb) {
      const png = await thumbnail(thumb[1]!);
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length, 'Cache-Control': 'private, max-age=3600' });
      return void res.end(png);
    }
    const dl = /^\/download\/([a-f0-9]{32})$/.exec(path);
    if (dl) return download(dl[1]!, res, jobs);
    if (!(await serveStatic(staticDir, path, res))) fail(res, 404, 'not-found', '找不到该页面');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const r = toError(err, `${req.method} ${req.url?.split('?')[0]}`, log);
      if (res.headersSent) return void res.destroy();
      const status = err instanceof StudioError ? (err.code === 'unknown-template' ? 404 : 400) : 500;
      sendJson(res, status, r);
    });
  });
  // Slow-loris and stuck uploads: give up on a request that trickles.
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server, port, token, jobs,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => {
      jobs.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
