import type { AutosaveRecord, AutosaveStore } from './autosave.js';

/*
 * The autosave in IndexedDB: designs with embedded photos run to megabytes, beyond localStorage.
 * One record under one key, replaced in a single transaction, so a failed write (disk full,
 * quota) aborts and leaves the previous record whole. In the desktop app this is the app profile.
 */

const DB = 'campaign-studio';
const STORE = 'autosave';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB 无法打开'));
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      // Resolve on commit, not on the request: only a committed write has replaced the old record.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB 写入失败'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 写入被中止'));
    });
  } finally {
    db.close();
  }
}

export const indexedDbAutosave: AutosaveStore = {
  read: () => run<AutosaveRecord | undefined>('readonly', (s) => s.get(KEY) as IDBRequest<AutosaveRecord | undefined>),
  write: async (record) => void (await run('readwrite', (s) => s.put(record, KEY))),
  clear: async () => void (await run('readwrite', (s) => s.delete(KEY))),
};
