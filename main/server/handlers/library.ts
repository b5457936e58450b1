import type { LIBRARY_API } from '../../core/api-library.js';
import { publishDesign } from '../../library/publish.js';
import type { StudioContext } from '../context.js';
import { method, type Handler } from './result.js';

/** The library methods of the contract (api-library.ts). */
export function libraryHandlers(ctx: StudioContext): Record<keyof typeof LIBRARY_API, Handler> {
  const { log } = ctx;
  return {
    publishDesign: method('publishDesign', async ({ design, meta }) => publishDesign(await ctx.library.get(), design, meta), log),
  };
}
