import type { MethodSpec } from './api-common.js';

/** Batch production (issue #6): a template and a table of rows → many outputs. */
export const BATCH_API = {} as const satisfies Record<string, MethodSpec>;
