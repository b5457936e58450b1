import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioDesign } from '../../main/core/index.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { createResources } from '../../main/server/resources.js';
import { startTeamServer, type TeamServer } from '../../main/team/server.js';
import { REVIEW_MARK_TEXT } from '../../main/engine/review-mark.js';
import { testContext } from '../helpers/context.js';
import { design, textEl } from '../helpers/designs.js';
import { handlerCalls } from '../helpers/handler-calls.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { freshDir, PASSWORD, team, type Team } from '../team/helpers.js';

/*
 * The studio's team methods (api-team.ts) through createHandlers, against a real team server on
 * the run's private PostgreSQL cluster: connect with the fingerprint confirmed once, the errors a
 * user meets (wrong password, changed certificate, ended session, unreachable server), submit and
 * the outbox, review, pull, shared templates, and the 「未审核」 mark read back from a real PDF.
 */
let t: Team;
const station = testContext();
const other = testContext();
const h = handlerCalls(createHandlers(station));
const h2 = handlerCalls(createHandlers(other));

beforeAll(async () => {
  t = await team('studio');
});
afterAll(async () => {
  await station.dispose();
  await other.dispose();
  await t?.close();
});

const slogan = (text: string): StudioDesign =>
  design({
    name: text.slice(0, 6),
    elements: [textEl({ id: 'slogan', text, box: { x: 20, y: 40, w: 170, h: 120 } })],
  }) as StudioDesign;

async function until(handlers: typeof h, jobId: string) {
  for (let i = 0; i < 2400; i++) {
    const s = await handlers.ok('jobStatus', { jobId });
    if (!['queued', 'running'].includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

async function publish(handlers: typeof h, d: StudioDesign, title: string): Promise<string> {
  const s = await until(handlers, (await handlers.ok('publishDesign', { design: d, meta: { title } })).jobId);
  expect(s.state).toBe('done');
  return s.sampleId as string;
}

/** A PDF export's text, through MuPDF. */
async function exportedText(ctx: typeof station, handlers: typeof h, d: StudioDesign): Promise<string> {
  const s = await until(handlers, (await handlers.ok('exportDesign', { design: d, format: 'pdf' })).jobId);
  expect(s.state).toBe('done');
  return PdfReader.open(ctx.downloads.get(s.downloadId)!.path).text(0);
}

const connect = (handlers: typeof h, user: string, password = PASSWORD) =>
  handlers.ok('teamConnect', { url: t.server.url, user, password, fingerprint: t.server.fingerprint });

describe('the studio and the team server', () => {
  it('before connecting: nothing is sent, the messages say what to do', async () => {
    const s = await h.ok('teamState', {});
    expect(s).toMatchObject({ server: null, connected: false, outbox: 0, markUnapproved: true });
    expect((await h.bad('teamSearch', { text: '鱼' })).message).toMatch(/尚未连接团队服务器/);
    expect((await h.bad('teamProbe', { url: 'http://127.0.0.1:1' })).message).toMatch(/https:\/\//);
    expect(
      (await h.bad('teamConnect', { url: t.server.url, user: 'zhang', password: 'x', fingerprint: 'abc' })).message,
    ).toMatch(/指纹/);
    expect((await h.bad('teamReject', { id: '0123456789abcdef', comment: ' ' })).message).toMatch(/修改意见/);
    expect((await h.bad('teamSearch', { kind: ['poster; DROP TABLE samples'] })).message).toMatch(/输入有误/);
    // Not connected: exports carry no mark (no team server configured).
    expect(await exportedText(station, h, slogan('白菜青菜油麦菜、莫给骗子当韭菜'))).not.toContain(REVIEW_MARK_TEXT);
  });

  it('first contact shows the fingerprint; a wrong password or an unreachable server says so and pins nothing', async () => {
    const p = await h.ok('teamProbe', { url: t.server.url });
    expect(p).toEqual({ origin: new URL(t.server.url).origin, fingerprint: t.server.fingerprint, pinned: null });
    expect(
      (
        await h.bad('teamConnect', {
          url: t.server.url,
          user: 'zhang',
          password: 'wrong-password',
          fingerprint: p.fingerprint,
        })
      ).message,
    ).toBe('用户名或密码不对');
    expect((await h.ok('teamProbe', { url: t.server.url })).pinned).toBeNull();
    const down = await h.bad('teamProbe', { url: 'https://127.0.0.1:9' });
    expect(down.message).toMatch(/无法连接团队服务器/);
  });

  it('a certificate other than the one confirmed is refused before the password is sent', async () => {
    const wrong = 'AB:'.repeat(31) + 'AB';
    const e = await h.bad('teamConnect', { url: t.server.url, user: 'zhang', password: PASSWORD, fingerprint: wrong });
    expect(e.message).toMatch(/证书指纹与已确认的不同/);
    const { rows } = await t.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'login' AND actor = 'zhang'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('connects, keeps the server and user but never the password', async () => {
    const s = await connect(h, 'zhang');
    expect(s).toMatchObject({ connected: true, me: { name: 'zhang', unit: '城关派出所', role: 'editor' } });
    expect(s.fingerprint).toBe(t.server.fingerprint);
    const dir = join(station.profile.path, '..');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(PASSWORD);
    // A second connect: pinned now, confirmed silently.
    expect((await h.ok('teamProbe', { url: t.server.url })).pinned).toBe(t.server.fingerprint);
  });

  let localId = '';
  let teamId = '';
  const draft = slogan('鲫鱼草鱼多宝鱼、不做骗子的网中鱼');

  it('submits a local sample once; a repeat adds nothing; its export carries 「未审核」 until approved', async () => {
    localId = await publish(h, draft, '网中鱼海报');
    const r = await h.ok('teamSubmit', { localId });
    expect(r).toMatchObject({
      outcome: 'pushed',
      duplicate: false,
      sample: { status: 'submitted', title: '网中鱼海报' },
    });
    teamId = r.sample.id;
    expect((await h.ok('teamSubmit', { localId })).duplicate).toBe(true);
    const { rows } = await t.pool.query('SELECT count(*)::int AS n FROM samples');
    expect(rows[0].n).toBe(1);
    expect(await exportedText(station, h, draft)).toContain(REVIEW_MARK_TEXT);
  });

  it('the reviewer returns it with a comment; the station reads it and submits the fix', async () => {
    await connect(h2, 'wang');
    const queue = await h2.ok('teamReviewList', { status: ['submitted'] });
    expect(queue.samples.map((s: { id: string }) => s.id)).toEqual([teamId]);
    expect((await h.bad('teamApprove', { id: teamId })).message).toMatch(/\p{Script=Han}/u);
    await h2.ok('teamReject', { id: teamId, comment: '请写上派出所的电话' });
    const mine = await h.ok('teamReviewList', {});
    expect(mine.samples[0]).toMatchObject({
      id: teamId,
      status: 'rejected',
      reviewComment: '请写上派出所的电话',
      reviewer: 'wang',
    });

    const fixed = slogan('鲫鱼草鱼多宝鱼、不做骗子的网中鱼 城关派出所 0598-110');
    const fixedId = await publish(h, fixed, '网中鱼海报');
    const r = await h.ok('teamSubmit', { localId: fixedId, replaces: teamId });
    expect(r.sample).toMatchObject({ id: teamId, status: 'submitted' });
    await h2.ok('teamApprove', { id: teamId, comment: '可以发布' });
    // The studio learns the approval when it sees the sample; the approved content exports unmarked,
    // the old draft (not what was approved) still marked.
    expect((await h.ok('teamSample', { id: teamId })).sample.status).toBe('approved');
    expect(await exportedText(station, h, fixed)).not.toContain(REVIEW_MARK_TEXT);
    expect(await exportedText(station, h, draft)).toContain(REVIEW_MARK_TEXT);
    // The setting off: no mark.
    await h.ok('teamSettings', { markUnapproved: false });
    expect(await exportedText(station, h, draft)).not.toContain(REVIEW_MARK_TEXT);
    await h.ok('teamSettings', { markUnapproved: true });
    const history = (await h.ok('teamSample', { id: teamId })).history.map((e: { action: string }) => e.action);
    expect(history).toEqual([
      'sample-create',
      'sample-submit',
      'sample-reject',
      'sample-update',
      'sample-submit',
      'sample-approve',
    ]);
  });

  it('another station finds it, sees its thumbnail and pulls it into its local library', async () => {
    await h2.ok('teamDisconnect', {});
    await connect(h2, 'li');
    const found = await h2.ok('teamSearch', { text: '网中鱼' });
    expect(found.hits.map((x: { sample: { id: string } }) => x.sample.id)).toEqual([teamId]);
    const thumb = found.hits[0].sample.files.find((f: { role: string }) => f.role === 'thumbnail');
    const res = await createResources(other)(`/team/thumbnails/${teamId}/${thumb.sha256}.jpg`);
    expect(res && 'data' in res && res.data.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(await h2.ok('teamPull', { text: '网中鱼' })).toMatchObject({ pulled: 1, unchanged: 0 });
    expect(await h2.ok('teamPull', { text: '网中鱼' })).toMatchObject({ pulled: 0, unchanged: 1 });
    const local = await h2.ok('librarySearch', { text: '网中鱼' });
    expect(local.hits.map((x: { sample: { id: string } }) => x.sample.id)).toEqual([teamId]);
  });

  it('signed out, a submission waits in the outbox and is pushed once after signing in', async () => {
    await h.ok('teamDisconnect', {});
    const id = await publish(h, slogan('听说转账先核实、陌生来电多个心'), '转账核实');
    const q = await h.ok('teamSubmit', { localId: id });
    expect(q).toMatchObject({ outcome: 'queued', sample: null });
    expect(q.message).toMatch(/推送队列/);
    expect((await h.bad('teamSubmit', { localId: id, replaces: teamId })).message).toMatch(/需要连上团队服务器/);
    expect((await h.ok('teamState', {})).outbox).toBe(1);
    expect((await h.ok('teamOutbox', {})).entries).toMatchObject([{ localId: id, title: '转账核实', submit: true }]);
    await connect(h, 'zhang');
    expect((await h.ok('teamPush', { localId: id })).outcome).toBe('pushed');
    expect((await h.ok('teamState', {})).outbox).toBe(0);
    expect((await h.bad('teamPush', { localId: id })).message).toMatch(/推送队列中没有/);
    const { rows } = await t.pool.query("SELECT count(*)::int AS n FROM samples WHERE title = '转账核实'");
    expect(rows[0].n).toBe(1);
  });

  it('an unreachable server queues the work; an ended session asks to sign in again', async () => {
    // A second app server on the same database, stopped while the studio is signed in to it.
    const spare: TeamServer = await startTeamServer({
      db: t.pool,
      host: '127.0.0.1',
      port: 0,
      dataDir: freshDir('studio-spare'),
      log: () => undefined,
    });
    await h2.ok('teamDisconnect', {});
    await h2.ok('teamConnect', { url: spare.url, user: 'li', password: PASSWORD, fingerprint: spare.fingerprint });
    await spare.close();
    const id = await publish(h2, slogan('刷单返利是陷阱、先交押金必是骗'), '刷单陷阱');
    const r = await h2.ok('teamSubmit', { localId: id });
    expect(r.outcome).toBe('queued');
    expect(r.message).toMatch(/无法连接团队服务器/);
    expect((await h2.ok('teamState', {})).outbox).toBe(1);

    await t.pool.query("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = 'zhang')");
    expect((await h.bad('teamSearch', { text: '鱼' })).message).toMatch(/登录已过期或已失效.*重新输入密码/);
    expect((await h.ok('teamState', {})).connected).toBe(false);
  });

  it('a server whose certificate changed shows both fingerprints; trusted again only when the user says so', async () => {
    const first = await startTeamServer({
      db: t.pool,
      host: '127.0.0.1',
      port: 0,
      dataDir: freshDir('studio-cert-1'),
      log: () => undefined,
    });
    const port = Number(new URL(first.url).port);
    await h2.ok('teamConnect', { url: first.url, user: 'li', password: PASSWORD, fingerprint: first.fingerprint });
    await h2.ok('teamDisconnect', {});
    await first.close();
    // The same address, a new certificate (another data folder).
    const second = await startTeamServer({
      db: t.pool,
      host: '127.0.0.1',
      port,
      dataDir: freshDir('studio-cert-2'),
      log: () => undefined,
    });
    try {
      expect(second.fingerprint).not.toBe(first.fingerprint);
      const p = await h2.ok('teamProbe', { url: second.url });
      expect(p).toMatchObject({ fingerprint: second.fingerprint, pinned: first.fingerprint });
      const login = { url: second.url, user: 'li', password: PASSWORD, fingerprint: second.fingerprint };
      const e = await h2.bad('teamConnect', login);
      expect(e.message).toMatch(/证书指纹与已确认的不同/);
      expect(e.details?.join('\n')).toContain(first.fingerprint);
      expect((await h2.ok('teamConnect', { ...login, replacePinned: true })).fingerprint).toBe(second.fingerprint);
      expect((await h2.ok('teamProbe', { url: second.url })).pinned).toBe(second.fingerprint);
    } finally {
      await h2.ok('teamDisconnect', {});
      await second.close();
    }
  });

  it('shared templates from the centre open as designs', async () => {
    const zhao = await t.as('zhao');
    const tpl = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../templates/designs/banner-red-600x70.json'), 'utf8'),
    ) as { id: string; title: string };
    await zhao.call('publishTemplate', { template: { ...tpl, id: 'city-banner', title: '市局统一横幅' } as never });
    await connect(h, 'zhang');
    const list = await h.ok('teamTemplates', {});
    expect(list.templates).toMatchObject([{ id: 'city-banner', title: '市局统一横幅', version: 1 }]);
    const d = await h.ok('teamOpenTemplate', { id: 'city-banner' });
    expect(d.templateId).toBe('city-banner');
    expect((await h.bad('teamOpenTemplate', { id: 'nope' })).message).toMatch(/\p{Script=Han}/u);
  });
});
