import { z } from 'zod';
import { StudioError } from '../core/index.js';
import type { Library } from '../library/library.js';
import { TeamApiError, type TeamClient } from './client.js';
import { readJsonFile, writeJsonFile } from './json-file.js';
import { pushLocalSample, type PushResult } from './push.js';
import { NetworkError } from './transport.js';

const EntrySchema = z.object({
  /** The team server's origin (https://host:port). */
  server: z.string(),
  /** The sample's id in the local library. */
  localId: z.string(),
  submit: z.boolean(),
  addedAt: z.string(),
  attempts: z.number().int().default(0),
  lastError: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof EntrySchema>;
const FileSchema = z.object({ entries: z.array(EntrySchema) });

export interface OutboxRun {
  pushed: { localId: string; result: PushResult }[];
  /** Refused by the server (bad content, no permission): left queued with the reason, for the user to see. */
  failed: { localId: string; error: string }[];
  /** Still queued because the server could not be reached; the next run continues. */
  waiting: number;
}

/** One entry pushed: the server's answer, or why not (offline: the network failed, try later). */
export interface OutboxPush {
  result?: PushResult;
  error?: string;
  offline: boolean;
}

/**
 * Work made offline, waiting to be pushed: local sample ids per server, in a small JSON file in
 * the user's data folder. Pushing is idempotent (by content hash), so an entry is removed only
 * after the server answered, and a run cut short is simply run again.
 */
export class Outbox {
  constructor(readonly file: string) {}

  async list(server?: string): Promise<OutboxEntry[]> {
    const all = (await this.load()).entries;
    return server ? all.filter((e) => e.server === new URL(server).origin) : all;
  }

  async add(server: string, localId: string, submit: boolean): Promise<void> {
    const data = await this.load();
    const origin = new URL(server).origin;
    const cur = data.entries.find((e) => e.server === origin && e.localId === localId);
    if (cur) cur.submit ||= submit;
    else data.entries.push({ server: origin, localId, submit, addedAt: new Date().toISOString(), attempts: 0 });
    await this.save(data);
  }

  async remove(server: string, localId: string): Promise<void> {
    const data = await this.load();
    const origin = new URL(server).origin;
    data.entries = data.entries.filter((e) => !(e.server === origin && e.localId === localId));
    await this.save(data);
  }

  /**
   * Push one entry (the studio pushes them one by one to show its progress): removed once the
   * server answered; a refusal or a network failure is noted on it and said in `error`. An ended
   * session is thrown: the user signs in again and nothing is marked against the entry.
   */
  async pushOne(client: TeamClient, lib: Library, localId: string): Promise<OutboxPush> {
    const e = (await this.list(client.origin)).find((x) => x.localId === localId);
    if (!e) throw new StudioError('invalid-input', '推送队列中没有这个样本（可能已经推送过了），请刷新后再看');
    try {
      const result = await pushLocalSample(client, lib, e.localId, { submit: e.submit });
      await this.remove(client.origin, e.localId);
      return { result, offline: false };
    } catch (err) {
      if (err instanceof TeamApiError && err.status === 401) throw err;
      const error = err instanceof StudioError ? err.full : String(err);
      await this.note(client.origin, e.localId, error);
      return { error, offline: err instanceof NetworkError };
    }
  }

  /** Push every entry for the client's server; stop at the first network failure (still offline). */
  async pushAll(
    client: TeamClient,
    lib: Library,
    onEach?: (localId: string, r: PushResult) => void,
  ): Promise<OutboxRun> {
    const run: OutboxRun = { pushed: [], failed: [], waiting: 0 };
    const entries = await this.list(client.origin);
    for (const [i, e] of entries.entries()) {
      const r = await this.pushOne(client, lib, e.localId);
      if (r.result) {
        run.pushed.push({ localId: e.localId, result: r.result });
        onEach?.(e.localId, r.result);
      } else if (r.offline) {
        run.waiting = entries.length - i;
        break;
      } else run.failed.push({ localId: e.localId, error: r.error ?? '' });
    }
    return run;
  }

  private async note(server: string, localId: string, error: string): Promise<void> {
    const data = await this.load();
    const e = data.entries.find((x) => x.server === server && x.localId === localId);
    if (!e) return;
    e.attempts++;
    e.lastError = error;
    await this.save(data);
  }

  private load() {
    return readJsonFile(this.file, FileSchema, { entries: [] }, '推送队列');
  }

  private save(data: z.infer<typeof FileSchema>): Promise<void> {
    return writeJsonFile(this.file, data);
  }
}
