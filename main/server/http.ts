import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isApiMethod, isLarge, type ApiErrorCode } from '../core/api.js';
import { StudioError } from '../core/index.js';
import { DESIGN_JSON_LIMITS } from '../core/json-limits.js';
import { appRoot } from '../engine/paths.js';
import { BodyTooLarge, readBody } from './body.js';
import { createStudioContext, type StudioContext, type StudioContextOptions } from './context.js';
import { createHandlers, type Handlers } from './handlers/index.js';
import type { JobService } from './jobs/job-service.js';
import { toError, type Logger } from './handlers/result.js';
import { attachmentHeader, createResources, type Resource } from './resources.js';
import { hostAllowed, newToken, originAllowed, securityHeaders, tokenOk } from './security.js';
import { serveStatic } from './static.js';

/** Bodies of most methods: a slogan, an id, a query. */
const SMALL_BODY = 64 * 1024;
/**
 * Methods marked large: a design without its images (they travel by reference; 500 elements of
 * 2,000 characters at most) or a selection of 20,000 samples. Files come as uploads instead.
 */
const LARGE_BODY = 8 * 1024 * 1024;

export interface StudioServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  /** The built renderer; default renderer/dist of the app. */
  staticDir?: string;
  jobs?: StudioContextOptions['jobs'];
  /** The sample library's folder (default ~/反诈物料工作室/素材库). */
  libraryDir?: string;
  /** Where the images of open designs are kept (default the user's cache folder). */
  assetsDir?: string;
  log?: Logger;
}

export interface StudioServer {
  server: Server;
  port: number;
  token: string;
  /** The URL to open, token included. */
  url: string;
  jobs: JobService;
  context: StudioContext;
  close(): Promise<void>;
}

/** `since`: when the request's work began (performance.now()), for its Server-Timing header. */
function sendJson(res: ServerResponse, status: number, body: unknown, since?: number): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    // The page's resource timing shows it: what of a round trip was the main side's own work.
    ...(since === undefined ? {} : { 'Server-Timing': `app;dur=${(performance.now() - since).toFixed(2)}` }),
  });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, code: ApiErrorCode, message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } });

async function api(name: string, req: IncomingMessage, res: ServerResponse, handlers: Handlers): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'method-not-allowed', '接口只接受 POST 请求');
  if (!isApiMethod(name)) return fail(res, 404, 'unknown-method', `没有名为「${name}」的接口`);
  // JSON only: a cross-site HTML form cannot send this type without a CORS preflight we never grant.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return fail(res, 415, 'bad-content-type', '请求应为 JSON（Content-Type: application/json）');
  let body: Buffer;
  try {
    body = await readBody(req, isLarge(name) ? LARGE_BODY : SMALL_BODY, DESIGN_JSON_LIMITS);
  } catch (err) {
    if (err instanceof BodyTooLarge)
      return fail(res, 413, 'too-large', '请求内容过大：图片和文件请用上传，其他请求至多 8 MB');
    if (err instanceof StudioError) return fail(res, 413, err.code, err.message);
    throw err;
  }
  const since = performance.now();
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return fail(res, 400, 'bad-json', '请求内容不是有效的 JSON');
  }
  sendJson(res, 200, await handlers[name](input), since);
}

function sendResource(r: Resource, res: ServerResponse): void {
  if ('data' in r) {
    res.writeHead(200, {
      'Content-Type': r.type,
      'Content-Length': r.data.length,
      'Cache-Control': r.cache ?? 'no-store',
    });
    return void res.end(r.data);
  }
  res.writeHead(200, {
    'Content-Type': r.type,
    'Content-Disposition': attachmentHeader(r.fileName),
    'Cache-Control': r.cache ?? 'no-store',
  });
  createReadStream(r.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** POST /upload, the file's name in X-File-Name (URI-encoded): its bytes wait for a method to use them. */
async function upload(req: IncomingMessage, res: ServerResponse, ctx: StudioContext): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
  } catch {
    return fail(res, 400, 'bad-name', '文件名编码不对');
  }
  const up = await ctx.uploads.fromStream(name, req);
  sendJson(res, 200, { ok: true, value: { uploadId: up.uploadId, name: up.name, bytes: up.bytes } });
}

/** Browser mode: the API, thumbnails, downloads and the built renderer, on 127.0.0.1 only. */
export async function startStudioServer(opts: StudioServerOptions = {}): Promise<StudioServer> {
  const token = opts.token ?? newToken();
  const ctx = createStudioContext(opts);
  const { jobs, log } = ctx;
  const handlers = createHandlers(ctx);
  const resources = createResources(ctx);
  const staticDir = opts.staticDir ?? join(appRoot(), 'renderer', 'dist');
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    if (!hostAllowed(req, port)) return fail(res, 403, 'bad-host', '拒绝访问：请用 127.0.0.1 或 localhost 打开');
    if (!originAllowed(req, port)) return fail(res, 403, 'bad-origin', '拒绝访问：请求来自其他网站');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    // Everything but the renderer's own static files needs the token.
    const resource = path.startsWith('/api/') || path === '/upload' ? undefined : resources(path);
    const guarded = path.startsWith('/api/') || path === '/upload' || resource !== undefined;
    if (guarded && !tokenOk(req, url, token))
      return fail(res, 401, 'bad-token', '缺少或错误的访问令牌：请用启动时打印的完整网址打开');
    if (path.startsWith('/api/')) return api(path.slice(5), req, res, handlers);
    if (path === '/upload')
      return req.method === 'POST'
        ? upload(req, res, ctx)
        : fail(res, 405, 'method-not-allowed', '上传只接受 POST 请求');
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'method-not-allowed', '不支持的请求方式');
    if (resource) {
      const r = await resource;
      return r ? sendResource(r, res) : fail(res, 404, 'not-found', '找不到要的文件（可能已过期或已删除）');
    }
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
    server,
    port,
    token,
    jobs,
    context: ctx,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => void ctx.close().then(resolve, resolve));
      }),
  };
}
