import { StudioError } from '../core/index.js';
import type { StudioContext } from './context.js';
import { libraryResources } from './handlers/library-resources.js';
import { thumbnail } from './handlers/thumbnails.js';

/*
 * Files the page fetches by GET (images in <img>, downloads): template thumbnails, finished
 * exports, library thumbnails. One table for both transports: browser mode serves them under the
 * token, the desktop's app:// protocol under its own origin.
 */

export type Resource =
  | { type: string; data: Buffer; cache?: string }
  /** A file on disk, sent as an attachment under the user's file name. */
  | { type: string; path: string; fileName: string; cache?: string };

export interface ResourceRoute {
  pattern: RegExp;
  /** The resource, or a StudioError / undefined for 404. */
  get(match: RegExpExecArray, ctx: StudioContext): Promise<Resource | undefined>;
}

/** For the thumbnail route: replaced in tests that have no engine. */
export type ThumbnailSource = (id: string) => Promise<Buffer>;

export function coreResources(thumb: ThumbnailSource = thumbnail): ResourceRoute[] {
  return [
    {
      pattern: /^\/thumbnails\/([a-z0-9-]{2,64})\.png$/,
      get: async (m) => ({ type: 'image/png', data: await thumb(m[1]!), cache: 'private, max-age=3600' }),
    },
    {
      pattern: /^\/download\/([a-f0-9]{32})$/,
      get: async (m, ctx) => {
        const hit = ctx.downloads.get(m[1]!);
        return hit
          ? { type: 'application/octet-stream', path: hit.path, fileName: hit.fileName, cache: 'no-store' }
          : undefined;
      },
    },
  ];
}

export type ResourceResolver = (pathname: string) => Promise<Resource | undefined> | undefined;

/**
 * The resolver for a context: undefined when no route matches the path (not a resource: try the
 * static files); a promise of undefined when a route matches but the thing does not exist (404).
 */
export function createResources(
  ctx: StudioContext,
  routes: ResourceRoute[] = [...coreResources(), ...libraryResources()],
): ResourceResolver {
  return (pathname) => {
    for (const r of routes) {
      const m = r.pattern.exec(pathname);
      if (m) {
        return r.get(m, ctx).catch((e: unknown) => {
          if (e instanceof StudioError) return undefined;
          throw e;
        });
      }
    }
    return undefined;
  };
}

/** RFC 6266/5987: the Chinese file name survives, and the ASCII fallback cannot break the header. */
export function attachmentHeader(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  return `attachment; filename="download${ext}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
