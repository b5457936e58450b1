import type { PROFILE_API } from '../../core/api-profile.js';
import { missingFieldNotes, searchIllustrations } from '../../core/index.js';
import { fillProfile } from '../../engine/fill-profile.js';
import { illustrationCatalogue } from '../../engine/illustrations.js';
import { illustrationSvg } from '../../engine/output/illustration-svg.js';
import { sloganLexicon } from '../../engine/slogan-library.js';
import type { StudioContext } from '../context.js';
import { method, type Handler } from './result.js';

/** The unit-profile and illustration methods of the contract (api-profile.ts). */
export function profileHandlers(ctx: StudioContext): Record<keyof typeof PROFILE_API, Handler> {
  const { log, profile } = ctx;
  return {
    getProfile: method('getProfile', async () => ({ ...(await profile.load()), path: profile.path }), log),
    saveProfile: method('saveProfile', ({ profile: p }) => profile.save(p), log),
    applyProfile: method(
      'applyProfile',
      async ({ design }) => {
        const fill = fillProfile(design, await profile.current());
        // The profile's pictures (logo, mascot) go to the image store like any other image.
        return { design: await ctx.assets.ingest(fill.design), filled: fill.filled, notes: missingFieldNotes(fill) };
      },
      log,
    ),
    listIllustrations: method(
      'listIllustrations',
      ({ query }) =>
        searchIllustrations(query, illustrationCatalogue(), sloganLexicon().goods).map((it) => ({
          id: it.id,
          name: it.name,
          keywords: it.keywords,
          group: it.group,
          svg: illustrationSvg(it.id),
        })),
      log,
    ),
  };
}
