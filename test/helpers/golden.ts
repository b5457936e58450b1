import type { Template } from '../../main/core/index.js';
import { listTemplates } from '../../main/engine/templates.js';

/**
 * The templates held to golden images: one per kind and style (the first by id), so every look of
 * the gallery is covered while the set of PNGs stays small (34 files, 1.1 MB).
 */
export function goldenTemplates(): Template[] {
  const seen = new Set<string>();
  return listTemplates().filter((t) => {
    const key = `${t.kind}/${t.style ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
