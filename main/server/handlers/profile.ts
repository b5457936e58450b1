import type { ApiParsed } from '../../core/api.js';
import type { PROFILE_API, StudioProfile } from '../../core/api-profile.js';
import {
  isAssetRef,
  missingFieldNotes,
  searchIllustrations,
  UnitProfileSchema,
  parseOrThrow,
  type Asset,
  type EmbeddedAsset,
  type UnitProfile,
} from '../../core/index.js';
import type { AssetStore } from '../assets.js';
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
    getProfile: method(
      'getProfile',
      async () => {
        const stored = await profile.load();
        return { ...stored, profile: await byReference(ctx.assets, stored.profile), path: profile.path };
      },
      log,
    ),
    saveProfile: method('saveProfile', async ({ profile: p }) => profile.save(await embedded(ctx.assets, p)), log),
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

/** The profile as the page holds it: its pictures kept in the image store and named by reference. */
async function byReference(assets: AssetStore, p: UnitProfile): Promise<StudioProfile> {
  const ref = (a: EmbeddedAsset, name: string) => assets.put(Buffer.from(a.data, 'base64'), a.name ?? name);
  const { logo, mascot, ...rest } = p;
  return {
    ...rest,
    ...(logo ? { logo: await ref(logo, '单位标志') } : {}),
    ...(mascot ? { mascot: { name: mascot.name, image: await ref(mascot.image, '吉祥物') } } : {}),
  };
}

/** The profile as its file holds it: referenced pictures embedded again, checked by the schema. */
async function embedded(assets: AssetStore, p: ApiParsed<'saveProfile'>['profile']): Promise<UnitProfile> {
  const embed = async (a: Asset): Promise<EmbeddedAsset> =>
    isAssetRef(a) ? { mime: a.mime, data: (await assets.load(a)).toString('base64'), name: a.name } : a;
  const { logo, mascot, ...rest } = p;
  return parseOrThrow(
    UnitProfileSchema,
    {
      ...rest,
      ...(logo ? { logo: await embed(logo) } : {}),
      ...(mascot ? { mascot: { name: mascot.name, image: await embed(mascot.image) } } : {}),
    },
    '本单位信息',
  );
}
