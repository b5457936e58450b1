import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { StudioError } from '../core/index.js';
import { withAtomicFile } from '../node/atomic.js';
import { TEAM_API, type Me, type MethodInput, type MethodName, type MethodOutput } from './api.js';
import type { Reason } from './errors.js';
import type { KnownServers } from './known-servers.js';
import { readAll } from './read-body.js';
import { probeFingerprint, Transport } from './transport.js';

export { FingerprintMismatch, NetworkError } from './transport.js';

/** The server refused a call; `reason` says why in a way a program can branch on. */
export class TeamApiError extends StudioError {
  constructor(
    readonly reason: Reason | string,
    readonly status: number,
    message: string,
    details: readonly string[] = [],
  ) {
    super(reason === 'too-large' ? 'too-large' : 'invalid-input', message, details);
    this.name = 'TeamApiError';
  }
}

/**
 * The fingerprint to pin for a server: the one confirmed before, or — on first contact — the
 * server's own, once `confirm` (the user, comparing it with what the server printed) accepts it.
 */
export async function trustServer(
  url: string,
  known: KnownServers,
  confirm: (fingerprint: string, origin: string) => Promise<boolean>,
): Promise<string> {
  const origin = new URL(url).origin;
  const pinned = await known.get(origin);
  if (pinned) return pinned;
  const seen = await probeFingerprint(origin);
  if (!(await confirm(seen, origin)))
    throw new StudioError('invalid-input', `未确认服务器 ${origin} 的证书指纹，未连接`, [`服务器出示的指纹：${seen}`]);
  await known.set(origin, seen);
  return seen;
}

/** Answers are JSON of at most a page of samples; a file download has its own larger cap. */
const tooLarge = () => new StudioError('too-large', '团队服务器的回答过大');
const answerOf = (body: Readable, limit = 64 * 1024 * 1024) => readAll(body, limit, tooLarge);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const c of createReadStream(path) as AsyncIterable<Buffer>) {
    h.update(c);
    size += c.length;
  }
  return { sha256: h.digest('hex'), size };
}

/**
 * A connection to one team server as one user: the studio's server side and the CLI use it alike.
 * Every answer is checked against the method's schema. Sign in with `login`; the session ends
 * after a while without use (the server says so with reason "session-expired").
 */
export class TeamClient {
  private readonly transport: Transport;
  private token: string | undefined;
  me: Me | undefined;

  constructor(url: string, fingerprint: string) {
    this.transport = new Transport(url, fingerprint);
  }

  get origin(): string {
    return this.transport.origin;
  }

  private headers(extra: Record<string, string | number> = {}): Record<string, string | number> {
    return { ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}), ...extra };
  }

  private async answer(status: number, body: Buffer): Promise<unknown> {
    let env: { ok?: boolean; value?: unknown; error?: { code?: string; message?: string; details?: string[] } };
    try {
      env = JSON.parse(body.toString('utf8')) as typeof env;
    } catch {
      throw new StudioError('output-failed', `团队服务器的回答无法读取（HTTP ${status}）`);
    }
    if (env.ok) return env.value;
    const e = env.error ?? {};
    throw new TeamApiError(
      e.code ?? 'server-error',
      status,
      e.message ?? `团队服务器出错（HTTP ${status}）`,
      e.details ?? [],
    );
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const body = Buffer.from(JSON.stringify(input));
    const res = await this.transport.send(
      'POST',
      `/api/${method}`,
      this.headers({ 'Content-Type': 'application/json', 'Content-Length': body.length }),
      body,
    );
    const value = await this.answer(res.status, await answerOf(res.body));
    const r = TEAM_API[method].output.safeParse(value);
    if (!r.success) throw new StudioError('output-failed', `团队服务器对 ${method} 的回答格式不对（版本不一致？）`);
    return r.data as MethodOutput<M>;
  }

  async login(user: string, password: string): Promise<Me> {
    const r = await this.call('login', { user, password });
    this.token = r.token;
    this.me = r.me;
    return r.me;
  }

  async logout(): Promise<void> {
    if (this.token) await this.call('logout', {});
    this.token = undefined;
    this.me = undefined;
  }

  /** Whether the server already has this content (so an upload can be skipped). */
  async hasBlob(sha: string): Promise<boolean> {
    const res = await this.transport.send('HEAD', `/api/blobs/${sha}`, this.headers());
    res.body.resume();
    if (res.status === 401) throw new TeamApiError('unauthorized', 401, '登录无效或已过期，请重新登录');
    return res.status === 200;
  }

  /** Upload bytes by their hash; content the server has is not sent again. */
  async uploadBlob(data: Buffer): Promise<string> {
    const sha = sha256(data);
    if (await this.hasBlob(sha)) return sha;
    const res = await this.transport.send(
      'PUT',
      `/api/blobs/${sha}`,
      this.headers({ 'Content-Type': 'application/octet-stream', 'Content-Length': data.length }),
      data,
      30 * 60_000,
    );
    await this.answer(res.status, await answerOf(res.body));
    return sha;
  }

  /** Upload a file from disk without holding it in memory (hashed first, then streamed). */
  async uploadFile(path: string): Promise<string> {
    const { sha256: sha, size } = await sha256File(path);
    if (await this.hasBlob(sha)) return sha;
    const res = await this.transport.send(
      'PUT',
      `/api/blobs/${sha}`,
      this.headers({ 'Content-Type': 'application/octet-stream', 'Content-Length': size }),
      createReadStream(path),
      30 * 60_000,
    );
    await this.answer(res.status, await answerOf(res.body));
    return sha;
  }

  private async fetchFile(sampleId: string, role: string) {
    const res = await this.transport.send(
      'GET',
      `/api/files/${sampleId}/${role}`,
      this.headers(),
      undefined,
      30 * 60_000,
    );
    if (res.status !== 200) await this.answer(res.status, await answerOf(res.body));
    return res;
  }

  /** A sample's file in memory, checked against the hash the sample names. */
  async download(sampleId: string, role: string, expectedSha: string): Promise<Buffer> {
    const data = await answerOf((await this.fetchFile(sampleId, role)).body, 600 * 1024 * 1024);
    if (sha256(data) !== expectedSha) throw new StudioError('output-failed', `下载的文件与摘要不符（${role}），请重试`);
    return data;
  }

  /** A sample's file to disk: written to a temporary name, checked, then renamed into place. */
  async downloadTo(sampleId: string, role: string, expectedSha: string, dest: string): Promise<void> {
    const res = await this.fetchFile(sampleId, role);
    const h = createHash('sha256');
    const hashing = new Transform({
      transform(c: Buffer, _e, done) {
        h.update(c);
        done(null, c);
      },
    });
    await withAtomicFile(dest, async (f) => {
      await pipeline(res.body, hashing, f.stream());
      if (h.digest('hex') !== expectedSha)
        throw new StudioError('output-failed', `下载的文件与摘要不符（${role}），请重试`);
    });
  }

  close(): void {
    this.transport.close();
  }
}
