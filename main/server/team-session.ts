import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { ApiParsed, ApiValue } from '../core/api.js';
import type { PushOutcome, TeamState } from '../core/api-team.js';
import { StudioError, type StudioDesign, type Template } from '../core/index.js';
import type { TeamSample, TeamSearchQuery } from '../core/team.js';
import { FingerprintMismatch, NetworkError, TeamApiError, TeamClient } from '../team/client.js';
import { readJsonFile, writeJsonFile } from '../team/json-file.js';
import { KnownServers } from '../team/known-servers.js';
import { Outbox } from '../team/outbox.js';
import { pullToLibrary } from '../team/pull.js';
import { pushLocalSample, replaceWithLocalSample, type PushResult } from '../team/push.js';
import { normalizeFingerprint } from '../team/tls.js';
import { probeFingerprint } from '../team/transport.js';
import type { AssetStore } from './assets.js';
import type { LibraryHost } from './library-host.js';
import { allowOutboundHost } from './outbound-guard.js';
import { designFileBytes } from './design-file.js';

/** What the studio keeps between runs: the server and user name (never the password) and the mark setting. */
const SettingsSchema = z.object({
  server: z.string().nullable().default(null),
  user: z.string().nullable().default(null),
  markUnapproved: z.boolean().default(true),
});
type Settings = z.infer<typeof SettingsSchema>;

/** Files of the team connection, beside the local library in the user's data folder (as the CLI's). */
export const TEAM_FILES = { known: '团队服务器.json', outbox: '团队推送队列.json', settings: '团队设置.json' };

const NOT_SIGNED_IN = '未登录团队服务器：请在「团队连接」中输入密码登录';
const NEVER_CONNECTED = '尚未连接团队服务器：请先在「团队连接」中填写服务器地址、用户名和密码';
const EXPIRED = '团队服务器的登录已过期或已失效：请在「团队连接」中重新输入密码登录（密码不保存在本机）';

const originOf = (url: string) => new URL(url).origin;

/**
 * The studio's one connection to a team server (issue #17 §5): the pinned certificate, a session
 * token held in memory only, the outbox of work made offline, and what the studio learnt of the
 * team's review (which design contents are approved, for the 「未审核」 mark on print exports).
 */
export class TeamSession {
  private client: TeamClient | undefined;
  private readonly known: KnownServers;
  private readonly outbox: Outbox;
  private readonly settingsFile: string;
  /** Content hashes (of design files) the team server reported approved during this run. */
  private readonly approved = new Set<string>();

  constructor(
    dir: string,
    private readonly library: LibraryHost,
    private readonly assets: AssetStore,
  ) {
    this.known = new KnownServers(join(dir, TEAM_FILES.known));
    this.outbox = new Outbox(join(dir, TEAM_FILES.outbox));
    this.settingsFile = join(dir, TEAM_FILES.settings);
  }

  private settings(): Promise<Settings> {
    return readJsonFile(this.settingsFile, SettingsSchema, SettingsSchema.parse({}), '团队设置');
  }

  private async saveSettings(patch: Partial<Settings>): Promise<void> {
    await writeJsonFile(this.settingsFile, { ...(await this.settings()), ...patch });
  }

  async state(): Promise<TeamState> {
    const s = await this.settings();
    const c = this.client;
    return {
      server: s.server,
      user: s.user,
      connected: !!c,
      me: c?.me ?? null,
      fingerprint: s.server ? ((await this.known.get(s.server)) ?? null) : null,
      markUnapproved: s.markUnapproved,
      outbox: s.server ? (await this.outbox.list(s.server)).length : 0,
    };
  }

  /** First contact: the certificate the server shows (the user compares it with what the admin printed). */
  async probe(url: string): Promise<ApiValue<'teamProbe'>> {
    const origin = originOf(url);
    allowOutboundHost(new URL(origin).hostname);
    const fingerprint = await probeFingerprint(origin);
    return { origin, fingerprint, pinned: (await this.known.get(origin)) ?? null };
  }

  async connect(req: ApiParsed<'teamConnect'>): Promise<TeamState> {
    const origin = originOf(req.url);
    allowOutboundHost(new URL(origin).hostname);
    const confirmed = normalizeFingerprint(req.fingerprint)!;
    const pinned = await this.known.get(origin);
    if (pinned && pinned !== confirmed && !req.replacePinned) throw new FingerprintMismatch(origin, pinned, confirmed);
    const client = new TeamClient(origin, confirmed);
    try {
      // The handshake is checked against the confirmed fingerprint before the password is sent.
      await client.login(req.user, req.password);
    } catch (e) {
      client.close();
      throw e;
    }
    if (pinned !== confirmed) await this.known.set(origin, confirmed);
    this.drop();
    this.client = client;
    await this.saveSettings({ server: origin, user: req.user });
    // What this unit already has approved: its exports carry no mark.
    await this.search({ text: '', status: ['approved'], mine: true, limit: 1000 }).catch(() => undefined);
    return this.state();
  }

  async disconnect(): Promise<TeamState> {
    await this.client?.logout().catch(() => undefined);
    this.drop();
    return this.state();
  }

  async setMark(markUnapproved: boolean): Promise<TeamState> {
    await this.saveSettings({ markUnapproved });
    return this.state();
  }

  private drop(): void {
    this.client?.close();
    this.client = undefined;
  }

  /** A call on the signed-in client; an ended session is said plainly and signs the studio out. */
  private async use<T>(fn: (c: TeamClient) => Promise<T>): Promise<T> {
    const c = this.client;
    if (!c) throw new StudioError('invalid-input', (await this.settings()).server ? NOT_SIGNED_IN : NEVER_CONNECTED);
    try {
      return await fn(c);
    } catch (e) {
      if ((e instanceof TeamApiError && e.status === 401) || e instanceof FingerprintMismatch) {
        this.drop();
        if (e instanceof TeamApiError) throw new StudioError('invalid-input', EXPIRED);
      }
      throw e;
    }
  }

  /** Remember which contents the server says are approved (the export's mark asks). */
  private see<T extends TeamSample>(samples: readonly T[]): readonly T[] {
    for (const s of samples) if (s.status === 'approved') this.approved.add(s.contentSha);
    return samples;
  }

  async search(q: TeamSearchQuery): Promise<ApiValue<'teamSearch'>> {
    const r = await this.use((c) => c.call('search', q));
    this.see(r.hits.map((h) => h.sample));
    return r;
  }

  async sample(id: string): Promise<ApiValue<'teamSample'>> {
    const r = await this.use((c) => c.call('sample', { id }));
    this.see([r.sample]);
    return r;
  }

  async reviewList(status: ApiParsed<'teamReviewList'>['status']): Promise<ApiValue<'teamReviewList'>> {
    return this.use((c) => c.call('reviewList', status ? { status } : {}));
  }

  async approve(id: string, comment: string | undefined): Promise<{ sample: TeamSample }> {
    const r = await this.use((c) => c.call('approveSample', comment ? { id, comment } : { id }));
    this.see([r.sample]);
    return r;
  }

  reject(id: string, comment: string): Promise<{ sample: TeamSample }> {
    return this.use((c) => c.call('rejectSample', { id, comment }));
  }

  /** A local sample to the team library; offline (or never signed in this run) it waits in the outbox. */
  async submit({ localId, submit, replaces }: ApiParsed<'teamSubmit'>): Promise<PushOutcome> {
    const lib = await this.library.get();
    lib.find(localId);
    const { server } = await this.settings();
    if (!server) throw new StudioError('invalid-input', NEVER_CONNECTED);
    const queue = async (e?: NetworkError): Promise<PushOutcome> => {
      if (replaces)
        throw new StudioError('invalid-input', '修改退回的样本需要连上团队服务器：请联网并登录后再提交', [
          ...(e ? [e.message] : []),
        ]);
      await this.outbox.add(server, localId, submit);
      const why = e ? '无法连接团队服务器' : '未登录团队服务器';
      return {
        outcome: 'queued',
        sample: null,
        duplicate: false,
        message: `${why}，已放入推送队列，联网登录后点「推送」`,
      };
    };
    if (!this.client) return queue();
    try {
      if (replaces) {
        const sample = await this.use((c) => replaceWithLocalSample(c, lib, localId, replaces, { submit }));
        return { outcome: 'pushed', sample, duplicate: false, message: null };
      }
      return pushed(await this.use((c) => pushLocalSample(c, lib, localId, { submit })));
    } catch (e) {
      if (e instanceof NetworkError) return queue(e);
      throw e;
    }
  }

  async outboxEntries(): Promise<ApiValue<'teamOutbox'>> {
    const { server } = await this.settings();
    if (!server) return { entries: [] };
    const lib = await this.library.get();
    const entries = (await this.outbox.list(server)).map((e) => ({
      localId: e.localId,
      title: lib.get(e.localId)?.title ?? '（本机素材库中已没有这个样本）',
      submit: e.submit,
      attempts: e.attempts,
      lastError: e.lastError ?? null,
    }));
    return { entries };
  }

  async push(localId: string): Promise<PushOutcome> {
    const lib = await this.library.get();
    const r = await this.use((c) => this.outbox.pushOne(c, lib, localId));
    if (r.result) return pushed(r.result);
    return {
      outcome: r.offline ? 'queued' : 'refused',
      sample: null,
      duplicate: false,
      message: r.error ?? null,
    };
  }

  async pull(text: string): Promise<ApiValue<'teamPull'>> {
    const lib = await this.library.get();
    const r = await this.use((c) => pullToLibrary(c, lib, { text }, (s) => this.see([s])));
    return { pulled: r.pulled, unchanged: r.unchanged, files: r.files };
  }

  async templates(): Promise<ApiValue<'teamTemplates'>> {
    return this.use((c) => c.call('templates', {}));
  }

  async template(id: string): Promise<Template> {
    return (await this.use((c) => c.call('template', { id }))).template;
  }

  /** A team sample's thumbnail (checked against its hash). */
  thumbnail(id: string, sha256: string): Promise<Buffer> {
    return this.use((c) => c.download(id, 'thumbnail', sha256));
  }

  /**
   * Whether a print export of this design carries the 「未审核」 mark: the setting is on, a team
   * server is configured, and the design's content is not one the server reported approved (an
   * approved design edited afterwards is no longer what was reviewed). Screen images are not print.
   */
  async marksExport(design: StudioDesign): Promise<boolean> {
    const s = await this.settings();
    if (!s.markUnapproved || !s.server || design.format.pixels) return false;
    const sha = createHash('sha256')
      .update(designFileBytes(await this.assets.embed(design)))
      .digest('hex');
    return !this.approved.has(sha);
  }

  close(): void {
    this.drop();
  }
}

const pushed = (r: PushResult): PushOutcome => ({
  outcome: 'pushed',
  sample: r.sample,
  duplicate: r.duplicate,
  message: null,
});
