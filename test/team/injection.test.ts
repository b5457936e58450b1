import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamApiError, type TeamClient } from '../../main/team/client.js';
import { newSample, rawRequest, team, tokenOf, type Team } from './helpers.js';

let t: Team;
let zhang: TeamClient;
let li: TeamClient;
let zhao: TeamClient;
let zhangToken: string;
let liToken: string;
let draftId: string;
let approvedId: string;
beforeAll(async () => {
  t = await team('injection');
  zhang = await t.as('zhang');
  li = await t.as('li');
  zhao = await t.as('zhao');
  const wang = await t.as('wang');
  draftId = (await newSample(zhang, '城关的草稿：不该被别人看到', { tags: ['秘密'] })).id;
  const a = await newSample(zhang, '宣传100%到位', { submit: true, tags: ['鱼市'] });
  await newSample(zhang, '宣传1000到位', { submit: true });
  await newSample(zhang, 'a_b 标语', { submit: true });
  await newSample(zhang, 'axb 标语', { submit: true });
  for (const s of (await wang.call('reviewList', {})).samples) await wang.call('approveSample', { id: s.id });
  approvedId = a.id;
  zhangToken = tokenOf(zhang);
  liToken = tokenOf(li);
});
afterAll(async () => t?.close());

const ATTACKS = [
  "'; DROP TABLE samples; --",
  "' OR '1'='1",
  "鱼' OR 1=1 --",
  "%' OR status = 'draft' --",
  '") OR 1=1 --',
  '\\',
  "'); DELETE FROM audit_log; --",
  '$1',
  "' UNION SELECT password_hash FROM users --",
];

/** What an attacking call gives: the hits' titles, or the refusal's reason. */
async function outcome(p: Promise<{ hits: { sample: { title: string } }[] }>): Promise<string[] | string> {
  try {
    return (await p).hits.map((h) => h.sample.title);
  } catch (e) {
    if (e instanceof TeamApiError) return e.reason;
    throw e;
  }
}

async function intact(): Promise<void> {
  const n = await t.pool.query<{ s: number; a: number; u: number }>(
    'SELECT (SELECT count(*) FROM samples)::int AS s, (SELECT count(*) FROM audit_log)::int AS a, (SELECT count(*) FROM users)::int AS u',
  );
  expect(n.rows[0]).toMatchObject({ s: 5, u: 5 });
  expect(n.rows[0]!.a).toBeGreaterThan(10);
}

describe('SQL injection', () => {
  it('finds nothing it should not in the search text, and % _ \\ are plain characters', async () => {
    for (const a of ATTACKS) {
      const r = await outcome(li.call('search', { text: a }));
      expect(r, a).toEqual([]);
    }
    expect(await outcome(li.call('search', { text: '100%' }))).toEqual(['宣传100%到位']);
    expect(await outcome(li.call('search', { text: 'a_b' }))).toEqual(['a_b 标语']);
    expect(await outcome(li.call('search', { text: '秘密' }))).toEqual([]);
    await intact();
  });

  it('takes every filter as a value, never as SQL', async () => {
    for (const a of ATTACKS) {
      for (const q of [{ unit: [a] }, { channel: [a] }, { tags: [a] }, { unit: ['城关派出所', a], text: a }]) {
        // Nothing found, or refused for its length: never a hit.
        expect([[], 'invalid-input'], JSON.stringify(q)).toContainEqual(await outcome(li.call('search', q)));
      }
      // Fields with a fixed set of values refuse anything else before any SQL is made.
      for (const q of [{ kind: [a] }, { fraudType: [a] }, { status: [a] }, { sort: a }, { from: a }, { to: a }]) {
        expect(await outcome(li.call('search', q as never)), JSON.stringify(q)).toBe('invalid-input');
      }
      const stats = await li.call('stats', { text: a, unit: [a] });
      expect(stats.total).toBe(0);
      const audit = await zhao.call('audit', { actor: a, targetId: a, limit: 10 });
      expect(audit.entries).toEqual([]);
    }
    // Numbers and booleans must be numbers and booleans; a date must exist.
    for (const q of [
      { limit: '1; DROP TABLE samples' },
      { offset: '0 OR 1=1' },
      { mine: "' OR 1=1" },
      { from: '2024-13-45' },
    ]) {
      expect(await outcome(li.call('search', q as never)), JSON.stringify(q)).toBe('invalid-input');
    }
    expect(await outcome(li.call('search', { tags: ['鱼市'] }))).toEqual(['宣传100%到位']);
    await intact();
  });

  it('refuses ids and names that are not ids and names', async () => {
    for (const a of ATTACKS) {
      await expect(li.call('sample', { id: a })).rejects.toMatchObject({ reason: 'invalid-input' });
      await expect(li.call('approveSample', { id: a })).rejects.toBeInstanceOf(TeamApiError);
      await expect(li.login(a, a)).rejects.toMatchObject({ reason: 'invalid-input' });
    }
    // A prefix with LIKE's own wildcard characters is not a prefix.
    await expect(li.call('sample', { id: '%%%%%%%%' })).rejects.toMatchObject({ reason: 'invalid-input' });
    await expect(li.call('sample', { id: draftId.slice(0, 8) })).rejects.toMatchObject({ reason: 'not-found' });
    await intact();
  });
});

const raw = (method: string, path: string, token = zhangToken) => rawRequest(t.server.url, method, path, token);

describe('path traversal in file routes', () => {
  it('serves only a visible sample’s file by role, whatever the path says', async () => {
    const ok = await raw('GET', `/api/files/${approvedId}/original`);
    expect(ok.status).toBe(200);
    const paths = [
      '/api/files/../../../../etc/passwd',
      '/api/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      `/api/files/${approvedId}/..%2f..%2f..%2fetc%2fpasswd`,
      `/api/files/${approvedId}/../../../../etc/passwd`,
      `/api/files/${approvedId}/original/../../../../../etc/passwd`,
      `/api/files/${approvedId}/original%00.png`,
      `/api/files/${approvedId}%2f..%2f..%2fetc/original`,
      '//etc/passwd',
      '/api/files/..%5c..%5c..%5cetc%5cpasswd/original',
      `/api/blobs/../../../etc/passwd`,
      `/api/blobs/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
      `/api/blobs/${'a'.repeat(62)}/..`,
      '/api/files/tls/key.pem',
      '/tls/key.pem',
      '/blobs/',
    ];
    for (const p of paths)
      for (const m of ['GET', 'HEAD', 'PUT']) {
        const r = await raw(m, p);
        expect(r.status, `${m} ${p}`).toBeGreaterThanOrEqual(400);
        expect(r.body).not.toMatch(/root:|PRIVATE KEY/);
      }
    // Another station's draft: not served by its id, whatever the role.
    for (const role of ['original', 'thumbnail', 'design'])
      expect((await raw('GET', `/api/files/${draftId}/${role}`, liToken)).status).toBe(404);
    expect((await raw('GET', `/api/files/${draftId}/original`)).status).toBe(200);
  });
});
