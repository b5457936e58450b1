import type { AutosaveRecord, AutosaveStore } from './autosave.js';
import { run } from './idb.js';

/*
 * The autosave in IndexedDB: one record under one key, replaced in a single transaction (idb.ts).
 * Designs carry their images by reference, so the record is small.
 */
const KEY = 'current';

export const indexedDbAutosave: AutosaveStore = {
  read: () =>
    run<AutosaveRecord | undefined>(
      'autosave',
      'readonly',
      (s) => s.get(KEY) as IDBRequest<AutosaveRecord | undefined>,
    ),
  write: async (record) => void (await run('autosave', 'readwrite', (s) => s.put(record, KEY))),
  clear: async () => void (await run('autosave', 'readwrite', (s) => s.delete(KEY))),
};
