import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { cleanName } from '../library/bundle-manifest.js';
import { writeFileAtomic } from '../node/atomic.js';
import type { Library, NewFile } from '../library/library.js';
import type { TeamSample, TeamSearchQuery } from './api.js';
import type { TeamClient } from './client.js';

export interface PullResult {
  /** Samples new to the destination. */
  pulled: number;
  /** Already there (same id, same files): nothing fetched. */
  unchanged: number;
  files: number;
  bytes: number;
}

type Filters = Omit<TeamSearchQuery, 'status' | 'offset' | 'limit' | 'facets' | 'sort'>;

/** Every approved sample matching the filters, a page at a time (newest first). */
async function* approved(client: TeamClient, filters: Filters): AsyncGenerator<TeamSample> {
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const r = await client.call('search', { ...filters, status: ['approved'], sort: 'date', limit, offset });
    for (const h of r.hits) yield h.sample;
    if (r.hits.length < limit) return;
  }
}

async function sameFile(path: string, sha: string): Promise<boolean> {
  const h = createHash('sha256');
  try {
    for await (const c of createReadStream(path) as AsyncIterable<Buffer>) h.update(c);
  } catch {
    return false;
  }
  return h.digest('hex') === sha;
}

/**
 * Approved samples into a folder, one sub-folder each (`<date>-<id8>-<title>/`): every file
 * (`<role>-<name>`) and sample.json with the metadata and review trail. Files already there with
 * the right content are not fetched again, so a pull cut short is simply run again.
 */
export async function pullToFolder(
  client: TeamClient,
  out: string,
  filters: Filters = {},
  onSample?: (s: TeamSample, fresh: boolean) => void,
): Promise<PullResult> {
  const r: PullResult = { pulled: 0, unchanged: 0, files: 0, bytes: 0 };
  await fs.mkdir(out, { recursive: true });
  for await (const s of approved(client, filters)) {
    const dir = join(out, `${s.publishedAt}-${s.id.slice(0, 8)}-${cleanName(s.title, 40)}`);
    await fs.mkdir(dir, { recursive: true });
    let fresh = false;
    for (const f of s.files) {
      const dest = join(dir, `${f.role}-${cleanName(f.name, 80)}`);
      if (await sameFile(dest, f.sha256)) continue;
      await client.downloadTo(s.id, f.role, f.sha256, dest);
      fresh = true;
      r.files++;
      r.bytes += f.size;
    }
    await writeFileAtomic(join(dir, 'sample.json'), JSON.stringify(s, null, 2) + '\n');
    if (fresh) r.pulled++;
    else r.unchanged++;
    onSample?.(s, fresh);
  }
  return r;
}

/**
 * Approved samples into the local library, under their team ids (so a second pull skips them):
 * the studio's "pull" — the city's published material searchable offline.
 */
export async function pullToLibrary(
  client: TeamClient,
  lib: Library,
  filters: Filters = {},
  onSample?: (s: TeamSample, fresh: boolean) => void,
): Promise<PullResult> {
  const r: PullResult = { pulled: 0, unchanged: 0, files: 0, bytes: 0 };
  for await (const s of approved(client, filters)) {
    if (lib.get(s.id)) {
      r.unchanged++;
      onSample?.(s, false);
      continue;
    }
    const files: NewFile[] = [];
    for (const f of s.files) {
      files.push({ role: f.role, mime: f.mime, name: f.name, data: await client.download(s.id, f.role, f.sha256) });
      r.files++;
      r.bytes += f.size;
    }
    // The metadata schema keeps the sample's fields and drops the review ones.
    await lib.add(s, files, s.id, { createdAt: s.createdAt, updatedAt: s.updatedAt, trashedAt: null });
    r.pulled++;
    onSample?.(s, true);
  }
  return r;
}
