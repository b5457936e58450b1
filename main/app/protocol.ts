import { promises as fs } from 'node:fs';
import type { CustomScheme } from 'electron';
import { CSP } from '../server/security.js';
import { attachmentHeader, type ResourceResolver } from '../server/resources.js';
import { contentType, resolveInside } from '../server/static.js';
import { APP_HOST, SCHEME } from './security.js';

/*
 * app://studio/… serves the built renderer (renderer/dist) and the template thumbnails, with the
 * same CSP as browser mode. A custom protocol rather than file:// gives the page a real origin
 * ('self' in the CSP means app://studio, not the whole disk) and lets us refuse anything outside
 * the renderer's folder.
 */

/** Registered before `ready`: standard (real origin, relative URLs) and secure (like https). */
export const PRIVILEGED_SCHEME: CustomScheme = {
  scheme: SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>反诈物料工作室</title></head>
<body><h1>反诈物料工作室</h1><p>界面尚未编译：请先构建界面（renderer），然后重新启动程序。</p></body></html>
`;

const headers = (type: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'Content-Type': type,
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  ...extra,
});

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: headers('text/plain; charset=utf-8', { 'Cache-Control': 'no-store' }) });

/** The handler for protocol.handle(SCHEME, …); resources: thumbnails, downloads, library files. */
export function createProtocolHandler(root: string, resources: ResourceResolver = () => undefined) {
  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, '地址无效');
    }
    if (url.protocol !== `${SCHEME}:` || url.host !== APP_HOST) return plain(404, '找不到该页面');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, '不支持的请求方式');
    const resource = resources(url.pathname);
    if (resource) {
      const r = await resource.catch(() => undefined);
      if (!r) return plain(404, '找不到要的文件（可能已过期或已删除）');
      if ('data' in r)
        return new Response(new Uint8Array(r.data), {
          headers: headers(r.type, { 'Cache-Control': r.cache ?? 'no-store' }),
        });
      const body = await fs.readFile(r.path);
      return new Response(new Uint8Array(body), {
        headers: headers(r.type, {
          'Cache-Control': r.cache ?? 'no-store',
          'Content-Disposition': attachmentHeader(r.fileName),
        }),
      });
    }
    const file = resolveInside(root, url.pathname);
    if (!file) return plain(403, '拒绝访问：只能读取界面自己的文件');
    const st = await fs.stat(file).catch(() => undefined);
    if (!st?.isFile()) {
      const built = await fs
        .stat(root)
        .then((s) => s.isDirectory())
        .catch(() => false);
      if (!built && (url.pathname === '/' || url.pathname === '/index.html')) {
        return new Response(NOT_BUILT, {
          headers: headers('text/html; charset=utf-8', { 'Cache-Control': 'no-store' }),
        });
      }
      return plain(404, '找不到该页面');
    }
    const body = await fs.readFile(file);
    return new Response(new Uint8Array(body), {
      headers: headers(contentType(file), { 'Cache-Control': 'no-cache' }),
    });
  };
}
