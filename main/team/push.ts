import type { Library } from '../library/library.js';
import type { FileRef, TeamSample } from './api.js';
import { TeamApiError, type TeamClient } from './client.js';
import { NetworkError } from './transport.js';

export interface PushResult {
  sample: TeamSample;
  /** The server already had this content from this unit (an earlier push that got through): nothing added. */
  duplicate: boolean;
}

/** Wait 0.5 s, 1 s, 2 s… between attempts. */
const pause = (attempt: number) => new Promise((r) => setTimeout(r, 500 * 2 ** attempt));

/**
 * Retry what is safe to repeat when the network drops: uploads are by content hash and creating
 * a sample is keyed by its content, so a repeat after a lost answer changes nothing on the server.
 */
async function retrying<T>(attempts: number, fn: () => Promise<T>, onMissing?: () => Promise<void>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const missing = e instanceof TeamApiError && e.reason === 'missing-file';
      const transient = e instanceof NetworkError || (e instanceof TeamApiError && e.status >= 500) || missing;
      if (!transient || i + 1 >= attempts) throw e;
      await pause(i);
      if (missing) await onMissing?.();
    }
  }
}

/**
 * Upload a local sample's files (each skipped when the server has it) and give back what a
 * createSample or updateSample call names: the metadata (the unit is the server's to set — the
 * signed-in user's) and the files by hash.
 */
async function uploadLocalSample(client: TeamClient, lib: Library, idOrPrefix: string, attempts: number) {
  const s = lib.find(idOrPrefix);
  const upload = async () => {
    for (const f of s.files) await retrying(attempts, () => client.uploadFile(lib.blobs.path(f.sha256)));
  };
  await upload();
  const files: FileRef[] = s.files.map((f) => ({ role: f.role, sha256: f.sha256, name: f.name }));
  const { title, kind, format, widthMm, heightMm, publishedAt, location, channel, fraudTypes, tags, slogan, notes } = s;
  const meta = {
    ...{ title, kind, format, publishedAt, location, channel, fraudTypes, tags, slogan, notes },
    ...(widthMm !== undefined ? { widthMm } : {}),
    ...(heightMm !== undefined ? { heightMm } : {}),
  };
  return { meta, files, upload };
}

/**
 * Push a sample of the local library to the team library (as a draft, or submitted for review).
 * Idempotent: a push interrupted at any point — before, during or after the server committed —
 * can be repeated and the server ends with exactly one sample for this content.
 */
export async function pushLocalSample(
  client: TeamClient,
  lib: Library,
  idOrPrefix: string,
  opts: { submit: boolean; attempts?: number },
): Promise<PushResult> {
  const attempts = opts.attempts ?? 4;
  const { meta, files, upload } = await uploadLocalSample(client, lib, idOrPrefix, attempts);
  return retrying(attempts, () => client.call('createSample', { meta, files, submit: opts.submit }), upload);
}

/**
 * Replace a team sample's content with a local sample (the fix after a rejection): its files and
 * metadata, then submitted again unless `submit` is false. The team sample keeps its id and trail.
 */
export async function replaceWithLocalSample(
  client: TeamClient,
  lib: Library,
  localId: string,
  teamId: string,
  opts: { submit: boolean; attempts?: number },
): Promise<TeamSample> {
  const attempts = opts.attempts ?? 4;
  const { meta, files, upload } = await uploadLocalSample(client, lib, localId, attempts);
  const r = await retrying(attempts, () => client.call('updateSample', { id: teamId, meta, files }), upload);
  return opts.submit ? (await client.call('submitSample', { id: r.sample.id })).sample : r.sample;
}
