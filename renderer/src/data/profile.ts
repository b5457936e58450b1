import type { ApiValue } from '../../../main/core/api.js';
import { call } from './api-client.js';

export type StoredProfile = ApiValue<'getProfile'>;

let current: Promise<StoredProfile> | undefined;

/** The unit's details as stored on the main side (pictures by reference), asked once until saved again. */
export function unitProfile(): Promise<StoredProfile> {
  current ??= call('getProfile', {}).catch((e: unknown) => {
    current = undefined;
    throw e;
  });
  return current;
}

/** After a save: the next ask reads it again. */
export function profileChanged(): void {
  current = undefined;
}
