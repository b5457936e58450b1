/*
 * The page's IndexedDB database (in the desktop app, the app profile): the autosave and the
 * recent designs, each a store of its own. Writes resolve on commit, so a failed write (disk
 * full, quota) aborts and leaves the previous record whole.
 */

const DB = 'campaign-studio';
/** 1: autosave; 2: recent designs. */
const VERSION = 2;
export const STORES = ['autosave', 'recent'] as const;
export type StoreName = (typeof STORES)[number];

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB 无法打开'));
  });
}

export async function run<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  op: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = op(tx.objectStore(store));
      // Resolve on commit, not on the request: only a committed write has replaced the old record.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB 写入失败'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 写入被中止'));
    });
  } finally {
    db.close();
  }
}
