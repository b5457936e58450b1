import type { MethodSpec } from './api-common.js';

/** The sample library in the studio (issue #6): search, facets, details, import, bundles, statistics, publish. */
export const LIBRARY_API = {} as const satisfies Record<string, MethodSpec>;
