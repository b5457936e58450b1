import type { BATCH_API } from '../../core/api-batch.js';
import type { StudioContext } from '../context.js';
import type { Handler } from './result.js';

/** The batch methods of the contract (api-batch.ts). */
export function batchHandlers(_ctx: StudioContext): Record<keyof typeof BATCH_API, Handler> {
  return {};
}
