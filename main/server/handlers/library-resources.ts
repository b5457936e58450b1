import type { ResourceRoute } from '../resources.js';

/** A sample's id in a URL (a UUID). */
const SAMPLE_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * GET routes of the library screen: each sample's thumbnail (a JPEG of at most 400 px, made at
 * import or publish). A sample's files never change, so the browser may keep them for a day.
 * Files to save go through libraryFile → the download registry, not through here.
 */
export function libraryResources(): ResourceRoute[] {
  return [
    {
      pattern: new RegExp(`^/library/thumbnails/(${SAMPLE_ID})\\.jpg$`),
      get: async (m, ctx) => {
        const lib = await ctx.library.get();
        const thumb = lib.db
          .prepare(
            "SELECT f.sha256, f.mime FROM files f JOIN samples s ON s.n = f.sample_n WHERE s.id = ? AND f.role = 'thumbnail' LIMIT 1",
          )
          .get(m[1]!) as { sha256: string; mime: string } | undefined;
        if (!thumb) return undefined;
        const data = await lib.read(thumb.sha256).catch(() => undefined);
        return data && { type: thumb.mime || 'image/jpeg', data, cache: 'private, max-age=86400' };
      },
    },
    {
      // A team sample's thumbnail: fetched through the signed-in connection, checked against its hash.
      pattern: new RegExp(`^/team/thumbnails/(${SAMPLE_ID})/([0-9a-f]{64})\\.jpg$`),
      get: async (m, ctx) => ({
        type: 'image/jpeg',
        data: await ctx.team.thumbnail(m[1]!, m[2]!),
        cache: 'private, max-age=86400, immutable',
      }),
    },
  ];
}
