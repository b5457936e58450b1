import type { StudioDesign } from '../../../main/core/design/design.js';
import { run } from './idb.js';

/*
 * The start screen's recent designs: each open design, with a small picture of it, kept under its
 * session's id and replaced as it changes; the newest twelve are kept. Images stay by reference
 * (the image store keeps them a month after last use), so a record is a few kilobytes plus its
 * thumbnail.
 */

export interface RecentDesign {
  id: string;
  name: string;
  at: number;
  design: StudioDesign;
  /** A small JPEG of the canvas, as a data: URL. */
  thumb?: string;
}

export const RECENT_KEPT = 12;

export async function recentDesigns(): Promise<RecentDesign[]> {
  try {
    const all = await run<RecentDesign[]>('recent', 'readonly', (s) => s.getAll() as IDBRequest<RecentDesign[]>);
    return all.sort((a, b) => b.at - a.at);
  } catch {
    return []; // no storage (private mode): nothing recent to show
  }
}

/** Records a design as just worked on (keeping its old thumbnail if no new one is given). */
export async function rememberDesign(id: string, design: StudioDesign, thumb?: string): Promise<void> {
  try {
    const old = await run<RecentDesign | undefined>(
      'recent',
      'readonly',
      (s) => s.get(id) as IDBRequest<RecentDesign | undefined>,
    );
    const rec: RecentDesign = {
      id,
      name: design.name,
      at: Date.now(),
      design,
      ...((thumb ?? old?.thumb) ? { thumb: thumb ?? old?.thumb } : {}),
    };
    await run('recent', 'readwrite', (s) => s.put(rec, id));
    const all = await recentDesigns();
    for (const r of all.slice(RECENT_KEPT)) await run('recent', 'readwrite', (s) => s.delete(r.id));
  } catch {
    // Only a convenience: the design itself is in the autosave and in its file.
  }
}

export async function forgetDesign(id: string): Promise<void> {
  await run('recent', 'readwrite', (s) => s.delete(id)).catch(() => undefined);
}
