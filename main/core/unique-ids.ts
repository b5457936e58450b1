import type { z } from 'zod';

/**
 * Reports every repeated `id` in a list of a catalogue (formats, illustrations) at its own path,
 * e.g. `formats[3].id：规格编号 "poster-a2" 重复`; returns the ids seen.
 */
export function checkUniqueIds(
  items: readonly { id: string }[],
  key: string,
  what: string,
  ctx: z.RefinementCtx,
): Set<string> {
  const ids = new Set<string>();
  items.forEach((it, i) => {
    if (ids.has(it.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `${what} "${it.id}" 重复` });
    ids.add(it.id);
  });
  return ids;
}
