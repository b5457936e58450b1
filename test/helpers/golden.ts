import type { Template } from '../../main/core/index.js';
import { listTemplates } from '../../main/engine/templates.js';

/**
 * The templates held to golden images: one per kind, style and trim shape (the first by id), so
 * every look of the gallery is covered — a sticker cut along its picture as well as a round one —
 * while the set of PNGs stays small (37 files, 1.2 MB).
 */
export function goldenTemplates(): Template[] {
  const seen = new Set<string>();
  return listTemplates().filter((t) => {
    const key = `${t.kind}/${t.style ?? ''}/${t.format.shape}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
