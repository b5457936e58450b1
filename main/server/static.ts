import { createReadStream, existsSync, promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Content types of the files a built renderer holds (shared with the app:// protocol). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

export const contentType = (file: string): string => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` a URL path names (`/` is index.html), or undefined if it would leave the
 * folder: ../ encoded or not, a decoded \ or NUL, absolute paths. Browser mode and app:// share it.
 */
export function resolveInside(root: string, pathname: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  if (rel.includes('\0') || rel.includes('\\') || rel.split('/').includes('..')) return undefined;
  const base = resolve(root);
  const file = resolve(join(base, normalize(rel)));
  return file.startsWith(base + sep) ? file : undefined;
}

/** Shown when renderer/dist has not been built: plain HTML, no script or inline style (CSP). */
const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>反诈物料工作室</title></head>
<body><h1>反诈物料工作室</h1>
<p>界面尚未编译：请先在项目目录运行界面的构建命令，然后重新运行 <code>npm run serve</code>。</p>
<p>接口已在运行，可用于测试。</p></body></html>
`;

/** Serve a file of `root` (the built renderer); `/` is index.html. False if there is none. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<boolean> {
  if (!existsSync(root)) {
    if (pathname !== '/' && pathname !== '/index.html') return false;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(NOT_BUILT);
    return true;
  }
  const file = resolveInside(root, pathname);
  if (!file) return false;
  const st = await fs.stat(file).catch(() => undefined);
  if (!st?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': st.size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
  return true;
}
