import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FingerprintMismatch, TeamClient, trustServer } from '../../main/team/client.js';
import { KnownServers } from '../../main/team/known-servers.js';
import { normalizeFingerprint } from '../../main/team/tls.js';
import { freshDir, PASSWORD, team, type Team } from './helpers.js';

let t: Team;
let dir: string;
beforeAll(async () => {
  t = await team('pinning');
  dir = freshDir('pinning-home');
});
afterAll(async () => t?.close());

const logins = async () => (await t.pool.query("SELECT 1 FROM audit_log WHERE action LIKE 'login%'")).rowCount;

describe('the server certificate, pinned by its fingerprint', () => {
  it('sends nothing — not even the password — to a server whose certificate differs', async () => {
    const before = await logins();
    const wrong = new TeamClient(t.server.url, 'AB'.repeat(32));
    await expect(wrong.login('zhang', PASSWORD)).rejects.toBeInstanceOf(FingerprintMismatch);
    await expect(wrong.login('zhang', PASSWORD)).rejects.toThrow(/证书指纹与已确认的不同，已断开，未发送任何数据/);
    wrong.close();
    expect(await logins()).toBe(before);
  });

  it('asks once on first contact, remembers the answer, and refuses when the user says no', async () => {
    const known = new KnownServers(join(dir, '团队服务器.json'));
    const asked: string[] = [];
    await expect(trustServer(t.server.url, known, async (fp) => (asked.push(fp), false))).rejects.toThrow(/未确认/);
    expect(await known.get(t.server.url)).toBeUndefined();
    const fp = await trustServer(t.server.url, known, async (seen) => (asked.push(seen), true));
    expect(fp).toBe(t.server.fingerprint);
    expect(await trustServer(t.server.url, known, async () => Promise.reject(new Error('not asked again')))).toBe(fp);
    expect(asked).toEqual([t.server.fingerprint, t.server.fingerprint]);
    const c = new TeamClient(t.server.url, fp);
    expect((await c.login('zhang', PASSWORD)).unit).toBe('城关派出所');
    c.close();
    expect(await known.forget(t.server.url)).toBe(true);
    expect(await known.get(t.server.url)).toBeUndefined();
  });

  it('reads fingerprints as people type them', () => {
    const fp = t.server.fingerprint;
    expect(normalizeFingerprint(fp.replace(/:/g, '').toLowerCase())).toBe(fp);
    expect(normalizeFingerprint(fp.replace(/:/g, ' '))).toBe(fp);
    expect(normalizeFingerprint('12:34')).toBeNull();
  });

  it('keeps the certificate it made on first start, so the fingerprint stays the same', async () => {
    const { loadOrCreateCertificate } = await import('../../main/team/tls.js');
    const again = await loadOrCreateCertificate(t.dataDir, {});
    expect(again).toMatchObject({ fingerprint: t.server.fingerprint, generated: false });
  });
});
