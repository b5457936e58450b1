import type { LIBRARY_API } from '../../core/api-library.js';
import type { StudioContext } from '../context.js';
import type { Handler } from './result.js';

/** The library methods of the contract (api-library.ts). */
export function libraryHandlers(_ctx: StudioContext): Record<keyof typeof LIBRARY_API, Handler> {
  return {};
}
