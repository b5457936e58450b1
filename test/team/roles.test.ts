import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamApiError, TeamClient } from '../../main/team/client.js';
import { newSample, PASSWORD, team, type Team } from './helpers.js';

let t: Team;
beforeAll(async () => {
  t = await team('roles');
});
afterAll(async () => t?.close());

/** The refusal a call ends in: its reason and HTTP status. */
async function refusal(p: Promise<unknown>): Promise<{ reason: string; status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TeamApiError) return { reason: e.reason, status: e.status, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal, the call succeeded');
}

describe('who sees what', () => {
  it('a station sees its own drafts and everything approved, never another station’s drafts', async () => {
    const zhang = await t.as('zhang');
    const zhou = await t.as('zhou');
    const li = await t.as('li');
    const wang = await t.as('wang');
    const draft = await newSample(zhang, '城关草稿鱼市横幅');
    const pending = await newSample(zhang, '城关待审鱼市横幅', { submit: true });
    // Same station: sees the draft.
    expect((await zhou.call('sample', { id: draft.id })).sample.title).toBe('城关草稿鱼市横幅');
    // Another station: neither the draft nor the submission, by id, by prefix, by search or by file.
    for (const id of [draft.id, draft.id.slice(0, 8), pending.id])
      expect(await refusal(li.call('sample', { id }))).toMatchObject({ reason: 'not-found', status: 404 });
    expect((await li.call('search', { text: '城关' })).total).toBe(0);
    await expect(li.download(draft.id, 'original', draft.files[0]!.sha256)).rejects.toMatchObject({ status: 404 });
    // The reviewer sees the submission, not the draft.
    expect(await refusal(wang.call('sample', { id: draft.id }))).toMatchObject({ status: 404 });
    expect((await wang.call('sample', { id: pending.id })).sample.status).toBe('submitted');
    const titles = (await wang.call('search', { text: '城关' })).hits.map((h) => h.sample.title);
    expect(titles).toEqual(['城关待审鱼市横幅']);
    // Approved: every station sees it.
    await wang.call('approveSample', { id: pending.id });
    expect((await li.call('search', { text: '城关待审' })).hits.map((h) => h.sample.id)).toEqual([pending.id]);
    expect((await li.download(pending.id, 'original', pending.files[0]!.sha256)).length).toBeGreaterThan(0);
  });
});

describe('role rules', () => {
  it('an editor cannot approve, reject, or manage users and roles', async () => {
    const zhang = await t.as('zhang');
    const s = await newSample(zhang, '待审核的海报', { submit: true });
    expect(await refusal(zhang.call('approveSample', { id: s.id }))).toMatchObject({
      reason: 'forbidden',
      status: 403,
    });
    expect(await refusal(zhang.call('rejectSample', { id: s.id, comment: '不行' }))).toMatchObject({ status: 403 });
    expect(await refusal(zhang.call('users', {}))).toMatchObject({ status: 403 });
    expect(await refusal(zhang.call('updateUser', { name: 'zhang', role: 'admin' }))).toMatchObject({ status: 403 });
    expect(
      await refusal(zhang.call('addUser', { name: 'x1', unit: 'u', role: 'admin', password: PASSWORD })),
    ).toMatchObject({ status: 403 });
    expect(await refusal(zhang.call('publishProfile', { unit: '城关派出所', profile: {} as never }))).toMatchObject({
      status: 403,
    });
    expect((await zhang.call('sample', { id: s.id })).sample.status).toBe('submitted');
  });

  it('a reviewer cannot edit users, nor approve their own submission', async () => {
    const wang = await t.as('wang');
    expect(await refusal(wang.call('users', {}))).toMatchObject({ status: 403 });
    expect(await refusal(wang.call('updateUser', { name: 'zhang', disabled: true }))).toMatchObject({ status: 403 });
    const own = await newSample(wang, '中心自己的海报', { submit: true });
    expect(await refusal(wang.call('approveSample', { id: own.id }))).toMatchObject({ reason: 'forbidden' });
  });

  it('an editor cannot edit or submit another station’s sample, nor an approved one', async () => {
    const zhang = await t.as('zhang');
    const li = await t.as('li');
    const wang = await t.as('wang');
    const s = await newSample(zhang, '已发布的横幅', { submit: true });
    await wang.call('approveSample', { id: s.id });
    expect(await refusal(li.call('updateSample', { id: s.id, meta: { title: '改掉' } }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(zhang.call('updateSample', { id: s.id, meta: { title: '改掉' } }))).toMatchObject({
      reason: 'conflict',
    });
    expect(await refusal(zhang.call('deleteSample', { id: s.id }))).toMatchObject({ reason: 'conflict' });
    expect((await li.call('sample', { id: s.id })).sample.title).toBe('已发布的横幅');
  });

  it('an admin manages users; a changed role ends the user’s sessions', async () => {
    const zhao = await t.as('zhao');
    const u = await zhao.call('addUser', { name: 'sun', unit: '西城派出所', role: 'editor', password: PASSWORD });
    expect(u).toMatchObject({ name: 'sun', unit: '西城派出所', role: 'editor', disabled: false });
    const sun = await t.as('sun');
    await zhao.call('updateUser', { name: 'sun', role: 'reviewer' });
    expect(await refusal(sun.call('me', {}))).toMatchObject({ status: 401 });
    expect((await (await t.as('sun')).call('me', {})).role).toBe('reviewer');
    expect(await refusal(zhao.call('updateUser', { name: 'zhao', disabled: true }))).toMatchObject({ status: 403 });
  });
});

describe('sessions', () => {
  const fresh = () => new TeamClient(t.server.url, t.server.fingerprint);

  it('refuses calls, uploads and downloads without a session', async () => {
    const c = fresh();
    expect(await refusal(c.call('search', { text: '鱼' }))).toMatchObject({ reason: 'unauthorized', status: 401 });
    expect(await refusal(c.uploadBlob(Buffer.from('%PDF-1.4 x')))).toMatchObject({ status: 401 });
    await expect(c.download('00000000-0000-4000-8000-000000000000', 'png', '0'.repeat(64))).rejects.toMatchObject({
      status: 401,
    });
    c.close();
  });

  it('refuses a session idle too long or past its end, and a disabled user’s', async () => {
    const zhang = await t.as('zhang');
    await t.pool.query("UPDATE sessions SET last_seen_at = now() - interval '5 hours'");
    expect(await refusal(zhang.call('me', {}))).toMatchObject({ reason: 'session-expired', status: 401 });
    const again = await t.as('zhang');
    await t.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    expect(await refusal(again.call('me', {}))).toMatchObject({ reason: 'session-expired' });
    const zhou = await t.as('zhou');
    const zhao = await t.as('zhao');
    await zhao.call('updateUser', { name: 'zhou', disabled: true });
    expect(await refusal(zhou.call('me', {}))).toMatchObject({ status: 401 });
    expect(await refusal(fresh().login('zhou', PASSWORD))).toMatchObject({ status: 403 });
    await zhao.call('updateUser', { name: 'zhou', disabled: false });
    expect((await (await t.as('zhou')).call('me', {})).unit).toBe('城关派出所');
  });

  it('rate-limits logins: after 5 failures even the right password is refused for a while', async () => {
    const c = fresh();
    for (let i = 0; i < 5; i++) expect(await refusal(c.login('li', 'wrong password'))).toMatchObject({ status: 401 });
    expect(await refusal(c.login('li', PASSWORD))).toMatchObject({ reason: 'rate-limited', status: 429 });
    // Unknown names are refused the same way (no hint which names exist).
    expect(await refusal(c.login('nobody', PASSWORD))).toMatchObject({
      reason: 'unauthorized',
      message: '用户名或密码不对',
    });
    await t.pool.query("DELETE FROM login_failures WHERE user_name = 'li'");
    expect((await c.login('li', PASSWORD)).unit).toBe('东关派出所');
    c.close();
  });
});
