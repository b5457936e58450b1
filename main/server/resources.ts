import { StudioError } from '../core/index.js';
import { prepareBytes } from '../engine/assets/prepare.js';
import { screenImages } from '../engine/assets/screen-images.js';
import { imageThumbnail } from '../library/thumbnail.js';
import type { StudioContext } from './context.js';
import { libraryResources } from './handlers/library-resources.js';

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

/** Longest side of a gallery thumbnail, px: sharp on a 2× screen at the gallery's card size. */
const THUMB_PX = 360;

/**
 * Keeps what a route made, by key: thumbnails do not change for the life of the process (28
 * templates × ~30 KB; the few photos of the open designs). A failure is not kept.
 */
function memo(make: (key: string) => Promise<Buffer>, max = 64): (key: string) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>();
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = make(key);
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return hit;
  };
}

export function coreResources(ctx: StudioContext): ResourceRoute[] {
  // Drawn by the engine on the job service's pool (the gallery shows what prints), off the thread
  // that answers the editor.
  const templateThumb = memo(async (id) =>
    Buffer.from(await ctx.jobs.compute({ kind: 'thumbnail', templateId: id, longPx: THUMB_PX })),
  );
  // The image field's thumbnail of a photo the open design uses: a small JPEG, not the 20 MB file.
  const assetThumb = memo(async (sha) => (await imageThumbnail(await ctx.assets.read(sha), '图片')).thumbnail);
  // The preview's photo layer: the checked, upright image at screen size (the engine's own).
  const assetScreen = async (sha: string): Promise<Resource> => {
    const img = await prepareBytes(sha.slice(0, 8), await ctx.assets.read(sha), sha);
    const screen = (await screenImages(new Map([[sha, img]]))).get(sha)!;
    return { type: screen.mime, data: screen.data, cache: 'private, max-age=86400, immutable' };
  };
  return [
    {
      pattern: /^\/thumbnails\/([a-z0-9-]{2,64})\.png$/,
      get: async (m) => ({ type: 'image/png', data: await templateThumb(m[1]!), cache: 'private, max-age=3600' }),
    },
    {
      pattern: /^\/assets\/([0-9a-f]{64})\/thumbnail\.jpg$/,
      get: async (m) => ({ type: 'image/jpeg', data: await assetThumb(m[1]!), cache: 'private, max-age=86400' }),
    },
    { pattern: /^\/assets\/([0-9a-f]{64})\/screen$/, get: (m) => assetScreen(m[1]!) },
    {
      pattern: /^\/download\/([a-f0-9]{32})$/,
      get: async (m) => {
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
  routes: ResourceRoute[] = [...coreResources(ctx), ...libraryResources()],
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
