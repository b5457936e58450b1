import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioDesign } from '../../main/core/index.js';
import { addUser } from '../../main/team/accounts.js';
import { consoleActor } from '../../main/team/audit.js';
import { TeamClient } from '../../main/team/client.js';
import { openTeamDb, type Pool } from '../../main/team/db.js';
import { startTeamServer, type TeamServer } from '../../main/team/server.js';
import { design, textEl } from '../helpers/designs.js';
import { startCluster, type Cluster } from '../team/pg-cluster.mjs';
import { ARTIFACTS, serveStudio, startStudio, type Studio, type StudioServer } from './harness.js';

/*
 * Issue #17's "Done when", in real Chromium: a reviewer and two station editors, each in their own
 * studio (three browser-mode servers, one per person) against one team server on a private
 * PostgreSQL cluster. Station A drafts while signed out (the work waits in the outbox), signs in
 * and pushes; the reviewer returns it with a comment; A reads the comment, submits the fix; the
 * reviewer approves; station B finds it by search and pulls it into its local library. Every step
 * is in the audit log. Screens are saved at 1366×768 and 1440×900 (test/e2e/.artifacts/team-*).
 */
const PASSWORD = 'correct horse 96110';
const USERS = [
  ['zhang', '城关派出所', 'editor'],
  ['li', '东关派出所', 'editor'],
  ['wang', '市反诈中心', 'reviewer'],
  ['zhao', '市反诈中心', 'admin'],
] as const;

let cluster: Cluster;
let pool: Pool;
let server: TeamServer;
let stationA: Studio;
let reviewerStudio: StudioServer;
let stationB: StudioServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'cs-team-e2e-'));

beforeAll(async () => {
  cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE team_e2e');
  await admin.end();
  pool = await openTeamDb(cluster.url('team_e2e'));
  for (const [name, unit, role] of USERS) await addUser(pool, consoleActor(), { name, unit, role, password: PASSWORD });
  server = await startTeamServer({
    db: pool,
    host: '127.0.0.1',
    port: 0,
    dataDir,
    log: () => undefined,
  });
  // The centre shares a template: it shows in every station's gallery.
  const zhao = new TeamClient(server.url, server.fingerprint);
  await zhao.login('zhao', PASSWORD);
  const tpl = JSON.parse(readFileSync('templates/designs/banner-red-600x70.json', 'utf8')) as object;
  await zhao.call('publishTemplate', { template: { ...tpl, id: 'city-banner', title: '市局统一宣传横幅' } as never });
  zhao.close();
  [stationA, reviewerStudio, stationB] = await Promise.all([startStudio(), serveStudio(), serveStudio()]);
  browser = stationA.browser;
}, 180_000);

afterAll(async () => {
  await stationA?.close();
  reviewerStudio?.stop();
  stationB?.stop();
  await server?.close();
  await pool?.end();
  cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(url: URL, size = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => stationA.pageErrors.push(String(e)));
  await page.goto(url.href);
  await page.locator('button[data-screen="library"]').click();
  return page;
}

/** A design made and published to the station's local library through its studio's API (the editor has its own tests). */
async function publishLocally(studio: { url: URL }, title: string, slogan: string): Promise<void> {
  const d = design({
    name: title,
    elements: [textEl({ id: 'slogan', text: slogan, box: { x: 20, y: 40, w: 170, h: 120 } })],
  }) as StudioDesign;
  const api = async (method: string, input: unknown) => {
    const res = await fetch(`${studio.url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Studio-Token': studio.url.searchParams.get('token')! },
      body: JSON.stringify(input),
    });
    const r = (await res.json()) as { ok: boolean; value: { jobId: string; state: string } };
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value;
  };
  const { jobId } = await api('publishDesign', { design: d, meta: { title } });
  await expect.poll(async () => (await api('jobStatus', { jobId })).state, { timeout: 60_000 }).toBe('done');
}

async function signIn(page: Page, user: string, password = PASSWORD): Promise<void> {
  await page.locator('button[data-tab="connect"]').click();
  await page.locator('cs-team-connect #url').fill(server.url);
  await page.locator('cs-team-connect #user').fill(user);
  await page.locator('cs-team-connect #password').fill(password);
  await page.locator('cs-team-connect button[type="submit"]').click();
  await page.locator('cs-team-connect [data-step="fingerprint"]').waitFor();
  await page.locator('cs-team-connect [data-action="confirm"]').click();
}

const shot = async (page: Page, name: string) => {
  for (const [w, h] of [
    [1366, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(ARTIFACTS, `team-${name}-${w}x${h}.png`) });
  }
};

describe('the team library in three studios', () => {
  let a: Page;
  let r: Page;
  let b: Page;

  it('station A: first contact shows the fingerprint; a wrong password is said plainly', async () => {
    a = await open(stationA.url);
    await signIn(a, 'zhang', 'wrong-password');
    await expect.poll(() => a.locator('cs-team-connect [role="alert"]').textContent()).toContain('用户名或密码不对');
    await a.locator('cs-team-connect button', { hasText: '返回修改' }).click();
    await a.locator('cs-team-connect #url').fill(server.url);
    await a.locator('cs-team-connect #user').fill('zhang');
    await a.locator('cs-team-connect #password').fill(PASSWORD);
    await a.locator('cs-team-connect button[type="submit"]').click();
    const fp = a.locator('cs-team-connect [data-fp="new"]');
    await expect.poll(() => fp.textContent()).toBe(server.fingerprint);
    expect(await a.locator('cs-team-connect [data-step="fingerprint"]').textContent()).toContain('首次连接');
    await shot(a, 'fingerprint');
    await a.locator('cs-team-connect [data-action="confirm"]').click();
    await expect.poll(() => a.locator('cs-team-connect [data-me]').textContent()).toContain('城关派出所');
    expect(await a.locator('cs-team-connect input[name="mark"]').isChecked()).toBe(true);
    await shot(a, 'connected');
  });

  it('station A drafts signed out: the work waits in the outbox, then is pushed once', async () => {
    await publishLocally(stationA, '网中鱼海报', '鲫鱼草鱼多宝鱼、不做骗子的网中鱼');
    await a.locator('cs-team-connect button', { hasText: '退出登录' }).click();
    await a.locator('cs-team-connect form').waitFor();
    await a.locator('button[data-tab="team"]').click();
    const row = a.locator('cs-team-submit li[data-local-id]', { hasText: '网中鱼海报' });
    await row.locator('[data-action="submit"]').click();
    await expect.poll(() => a.locator('cs-team-submit .ok').textContent()).toContain('已放入推送队列');
    await expect.poll(() => a.locator('cs-team-outbox [data-outbox]').getAttribute('data-outbox')).toBe('1');
    await shot(a, 'outbox');
    // Signing in again: the certificate is the confirmed one, no question asked twice.
    await a.locator('button[data-tab="connect"]').click();
    await a.locator('cs-team-connect #password').fill(PASSWORD);
    await a.locator('cs-team-connect button[type="submit"]').click();
    await expect
      .poll(() => a.locator('cs-team-connect [data-step="fingerprint"]').textContent())
      .toContain('与上次确认的一致');
    await a.locator('cs-team-connect [data-action="confirm"]').click();
    await a.locator('cs-team-connect [data-state="connected"]').waitFor();
    await a.locator('button[data-tab="team"]').click();
    await a.locator('cs-team-outbox [data-action="push"]').click();
    await expect.poll(() => a.locator('cs-team-outbox [role="status"]').last().textContent()).toContain('已推送 1 个');
    await expect.poll(() => a.locator('cs-team-outbox [data-outbox]').getAttribute('data-outbox')).toBe('0');
    const { rows } = await pool.query("SELECT status FROM samples WHERE title = '网中鱼海报'");
    expect(rows).toEqual([{ status: 'submitted' }]);
  });

  it('the reviewer returns it with a comment; station A reads it', async () => {
    r = await open(reviewerStudio.url);
    await signIn(r, 'wang');
    await r.locator('cs-team-connect [data-state="connected"]').waitFor();
    await r.locator('button[data-tab="review"]').click();
    const card = r.locator('cs-team-review li.card', { hasText: '网中鱼海报' });
    await card.waitFor();
    await card.locator('textarea').fill('请在海报下方写上派出所的报警电话');
    await shot(r, 'review');
    await card.locator('[data-action="reject"]').click();
    await expect.poll(() => r.locator('cs-team-review .ok').textContent()).toContain('已退回');

    await a.locator('button[data-tab="review"]').click();
    const mine = a.locator('cs-team-review li.card[data-status="rejected"]', { hasText: '网中鱼海报' });
    await expect.poll(() => mine.locator('.comment').textContent()).toContain('请在海报下方写上派出所的报警电话');
    await shot(a, 'returned');
  });

  it('station A submits the fix; the reviewer approves it', async () => {
    await publishLocally(stationA, '网中鱼海报', '鲫鱼草鱼多宝鱼、不做骗子的网中鱼 报警电话 110');
    await a.locator('button[data-tab="team"]').click();
    const rows = a.locator('cs-team-submit li[data-local-id]', { hasText: '网中鱼海报' });
    await expect.poll(() => rows.count()).toBe(2);
    // The newest first; the returned sample is offered (and chosen) as what it fixes.
    const fix = rows.first();
    await expect.poll(() => fix.locator('select[name="replaces"] option:checked').textContent()).toContain('已退回');
    await shot(a, 'submit-fix');
    await fix.locator('[data-action="submit"]').click();
    await expect.poll(() => a.locator('cs-team-submit .ok').textContent()).toContain('已提交');

    await r.locator('cs-team-review button', { hasText: '刷新' }).click();
    const card = r.locator('cs-team-review li.card', { hasText: '网中鱼海报' });
    await card.locator('[data-action="approve"]').click();
    await expect.poll(() => r.locator('cs-team-review .ok').textContent()).toContain('已通过');
    const { rows: samples } = await pool.query("SELECT status FROM samples WHERE title = '网中鱼海报'");
    expect(samples).toEqual([{ status: 'approved' }]);
  });

  it('station B finds it by search and pulls it into its local library', async () => {
    b = await open(stationB.url);
    await signIn(b, 'li');
    await b.locator('cs-team-connect [data-state="connected"]').waitFor();
    await b.locator('button[data-tab="team"]').click();
    await b.locator('cs-team-library input[name="team-search"]').fill('网中鱼');
    await b.locator('cs-team-library [data-action="search"]').click();
    const hit = b.locator('cs-team-library li.card[data-status="approved"]', { hasText: '网中鱼海报' });
    await hit.waitFor();
    expect(await hit.textContent()).toContain('城关派出所');
    await expect
      .poll(() => hit.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await shot(b, 'search');
    await b.locator('cs-team-library [data-action="pull"]').click();
    await expect.poll(() => b.locator('cs-team-library .ok').textContent()).toContain('新增 1 个');
    await b.locator('button[data-tab="local"]').click();
    await b.locator('cs-library-search input').fill('网中鱼');
    await expect.poll(() => b.locator('cs-library-grid .card[data-id]').count()).toBe(1);
  });

  it('the gallery shows the centre’s shared template marked 市局共享', async () => {
    await b.locator('button[data-screen="gallery"]').click();
    const card = b.locator('cs-team-shared [data-shared-template="city-banner"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('市局共享');
    await shot(b, 'gallery');
  });

  it('every step is in the audit log, with who, unit, address and time', async () => {
    const { rows } = await pool.query(
      `SELECT a.actor, a.actor_unit, a.ip, a.at, a.action FROM audit_log a JOIN samples s ON s.id::text = a.target_id
        WHERE s.title = '网中鱼海报' ORDER BY a.id`,
    );
    expect(rows.map((e) => `${e.action}:${e.actor}`)).toEqual([
      'sample-create:zhang',
      'sample-submit:zhang',
      'sample-reject:wang',
      'sample-update:zhang',
      'sample-submit:zhang',
      'sample-approve:wang',
    ]);
    for (const e of rows) {
      expect(e.ip).toMatch(/127\.0\.0\.1/);
      expect(e.actor_unit).toMatch(/派出所|市反诈中心/);
      expect(Date.now() - new Date(e.at).getTime()).toBeLessThan(10 * 60_000);
    }
    const logins = await pool.query("SELECT DISTINCT actor FROM audit_log WHERE action = 'login' ORDER BY actor");
    expect(logins.rows.map((e) => e.actor)).toEqual(['li', 'wang', 'zhang', 'zhao']);
    const failed = await pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'login-failed' AND actor = 'zhang'",
    );
    expect(failed.rows[0].n).toBe(1);
    expect(stationA.pageErrors).toEqual([]);
    expect(stationA.foreign).toEqual([]);
  });
});
