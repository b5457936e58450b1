import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, TeamSample } from '../../main/team/api.js';
import { studio } from '../helpers/cli.js';
import { filledTemplate } from '../helpers/profile.js';
import { freshDatabase, freshDir } from './helpers.js';
import { spawnServer, type ServerProcess } from './server-process.js';

const TEMPLATE = resolve(import.meta.dirname, '../../templates/designs/poster-a3-blue.json');
const PW: Record<string, string> = {
  wang: 'reviewer-pass-1',
  zhang: 'station-pass-1',
  li: 'station-pass-2',
  zhao: 'admin-pass-1',
};

let db: string;
let dir: string;
let server: ServerProcess;
beforeAll(async () => {
  db = await freshDatabase('cli');
  dir = freshDir('cli');
  const add = (name: string, unit: string, role: string) =>
    studio(['team-admin', '--db', db, 'add-user', name, '--unit', unit, '--role', role, '--password-stdin'], {
      input: PW[name]!,
    });
  expect((await add('wang', '市反诈中心', 'reviewer')).code).toBe(0);
  expect((await add('zhang', '城关派出所', 'editor')).code).toBe(0);
  expect((await add('li', '东关派出所', 'editor')).code).toBe(0);
  expect((await add('zhao', '市反诈中心', 'admin')).code).toBe(0);
  server = await spawnServer(db, join(dir, 'data'));
});
afterAll(async () => server?.stop());

/** One person's studio: their own home folder (known servers), their password on stdin. */
function as(user: string) {
  const home = join(dir, 'home', user);
  mkdirSync(home, { recursive: true });
  return async (...args: string[]) => {
    const r = await studio(['team', '--server', server.url, '--user', user, '--password-stdin', ...args], {
      input: PW[user]!,
      env: { HOME: home },
    });
    return r;
  };
}

describe('campaign-studio team: the review round of issue #17 through the CLI', () => {
  it('draft → submit → reject with comment → fix → approve → found by the other station, every step audited', async () => {
    const zhang = as('zhang');
    const li = as('li');
    const wang = as('wang');

    // First contact: not confirmed, so nothing is sent; with the fingerprint the server printed, pinned.
    const unconfirmed = await zhang('search', '鱼');
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain(server.fingerprint);
    expect(unconfirmed.stderr).toContain('--fingerprint');
    for (const user of [zhang, li, wang])
      expect((await user('--fingerprint', server.fingerprint.toLowerCase(), 'review', 'list')).code).toBe(0);

    // zhang drafts a poster (the template with his unit's details in); li (another station) cannot find it.
    const design = filledTemplate('poster-a3-blue');
    design.name = '鱼市反诈海报';
    const hotline = design.elements.find((e) => e.id === 'hotline') as { text: string };
    hotline.text = '96100';
    const first = join(dir, '鱼市反诈海报.csdesign');
    writeFileSync(first, JSON.stringify(design));
    const draft = await zhang('submit', first, '--draft', '--tags', '鱼市,春季', '--fraud-type', '刷单返利', '--json');
    expect(draft.code, draft.stderr).toBe(0);
    const [s0] = JSON.parse(draft.stdout) as TeamSample[];
    expect(s0).toMatchObject({ status: 'draft', unit: '城关派出所', title: '鱼市反诈海报', tags: ['鱼市', '春季'] });
    expect(s0!.files.map((f) => f.role).sort()).toEqual(['design', 'pdf', 'png', 'thumbnail']);
    const id = s0!.id;
    expect(JSON.parse((await li('search', '鱼市反诈', '--json')).stdout)).toEqual([]);
    expect((await li('show', id.slice(0, 8))).stderr).toContain('找不到');

    // Submitted: the same content again submits the draft (nothing added twice).
    const sub = await zhang('submit', first);
    expect(sub.stdout).toContain('已存在');
    expect(sub.stdout).toContain('待审核');

    // The reviewer sees it waiting, and rejects it with a comment for the author.
    const queue = await wang('review', 'list');
    expect(queue.stdout).toContain(`${id.slice(0, 8)}  待审核  城关派出所`);
    expect((await li('approve', id.slice(0, 8))).stderr).toContain('权限不足');
    const rej = await wang('reject', id.slice(0, 8), '--comment', '热线号码应为 96110，请改正');
    expect(rej.code, rej.stderr).toBe(0);
    const mine = await zhang('review', 'list');
    expect(mine.stdout).toContain('已退回');
    expect(mine.stdout).toContain('退回意见：热线号码应为 96110，请改正');

    // zhang fixes the hotline and submits the new version in place of the old.
    hotline.text = '96110';
    const fixed = join(dir, '鱼市反诈海报-改.csdesign');
    writeFileSync(fixed, JSON.stringify(design));
    const fix = await zhang(
      'submit',
      fixed,
      '--replace',
      id.slice(0, 8),
      '--tags',
      '鱼市,春季',
      '--fraud-type',
      '刷单返利',
    );
    expect(fix.code, fix.stderr).toBe(0);
    expect(fix.stdout).toContain(`已重新提交 ${id.slice(0, 8)}  待审核`);

    const ok = await wang('approve', id.slice(0, 8), '--comment', '可以发布');
    expect(ok.stdout).toContain('已通过');

    // Now city-wide: li finds it by a 1-, 2- and 3+-character search and pulls its files.
    for (const q of ['鱼', '鱼市', '鱼市反诈']) {
      const found = JSON.parse((await li('search', q, '--json')).stdout) as TeamSample[];
      expect(
        found.map((s) => s.id),
        q,
      ).toContain(id);
    }
    const shown = await li('show', id.slice(0, 8), '--json');
    const detail = JSON.parse(shown.stdout) as { sample: TeamSample; history: { action: string; actor: string }[] };
    expect(detail.sample).toMatchObject({
      status: 'approved',
      reviewer: 'wang',
      reviewComment: '可以发布',
      author: 'zhang',
    });
    const pulled = join(dir, 'pulled');
    expect((await li('pull', '--out', pulled, '鱼市反诈')).stdout).toContain('新下载 1 个样本');
    const [folder] = readdirSync(pulled);
    expect(readdirSync(join(pulled, folder!)).sort()).toEqual([
      'design-鱼市反诈海报.json',
      'pdf-鱼市反诈海报.pdf',
      'png-鱼市反诈海报.png',
      'sample.json',
      'thumbnail-thumbnail.jpg',
    ]);
    const pulledDesign = JSON.parse(readFileSync(join(pulled, folder!, 'design-鱼市反诈海报.json'), 'utf8'));
    expect(pulledDesign.elements.find((e: { id: string }) => e.id === 'hotline').text).toBe('96110');
    expect((await li('pull', '--out', pulled, '鱼市反诈')).stdout).toContain('新下载 0 个样本');

    // Every step in the audit log: who, when, what, from where.
    const audit = await studio(['team-admin', '--db', db, 'audit', '--target', id, '--json']);
    const steps = (JSON.parse(audit.stdout) as AuditEntry[]).reverse();
    expect(steps.map((e) => [e.action, e.actor, e.actorUnit])).toEqual([
      ['sample-create', 'zhang', '城关派出所'],
      ['sample-submit', 'zhang', '城关派出所'],
      ['sample-reject', 'wang', '市反诈中心'],
      ['sample-update', 'zhang', '城关派出所'],
      ['sample-submit', 'zhang', '城关派出所'],
      ['sample-approve', 'wang', '市反诈中心'],
    ]);
    expect(steps[2]!.details).toMatchObject({
      comment: '热线号码应为 96110，请改正',
      status: { from: 'submitted', to: 'rejected' },
    });
    for (const e of steps) {
      expect(e.ip).toMatch(/127\.0\.0\.1/);
      expect(Date.now() - Date.parse(e.at)).toBeLessThan(10 * 60_000);
    }
    expect(detail.history.map((h) => h.action)).toEqual(steps.map((e) => e.action));
    // The admin reads the same log over the API; logins are in it too.
    const viaApi = await as('zhao')('--fingerprint', server.fingerprint, 'audit', '--limit', '500');
    expect(viaApi.stdout).toContain('审核通过');
    expect(viaApi.stdout).toMatch(/li（东关派出所）\s+\S*127\.0\.0\.1\s+登录/);
  });

  it('brings the centre’s templates to a station as design files the studio opens', async () => {
    const tpl = {
      ...JSON.parse(readFileSync(TEMPLATE, 'utf8')),
      id: 'city-poster-a3',
      title: '全市统一海报',
      kind: 'poster',
    };
    const file = join(dir, 'city-poster-a3.json');
    writeFileSync(file, JSON.stringify(tpl));
    const zhao = as('zhao');
    const pub = await zhao('--fingerprint', server.fingerprint, 'publish-template', file);
    expect(pub.stdout, pub.stderr).toContain('已发布共享模板 city-poster-a3「全市统一海报」第 1 版');
    expect((await as('li')('publish-template', file)).stderr).toContain('权限不足');
    const got = join(dir, 'shared-templates');
    expect((await as('li')('templates', '--out', got)).stdout).toContain('已下载 1 个共享模板');
    const design = join(got, 'city-poster-a3.json');
    expect(JSON.parse(readFileSync(design, 'utf8'))).toMatchObject({
      id: 'city-poster-a3',
      schema: 'campaign-studio/design',
    });
    const pdf = join(dir, 'city-poster.pdf');
    // A template still shows its samples (××市公安局…): printing it as is must be asked for.
    expect((await studio(['render', '--design', design, '--out', pdf, '--allow-placeholder'])).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says what went wrong, in Chinese, with the right exit code', async () => {
    const li = as('li');
    expect((await li('reject', 'abcdef12')).code).toBe(2);
    const wrong = await studio(['team', '--server', server.url, '--user', 'li', '--password-stdin', 'review', 'list'], {
      input: 'not-my-password',
      env: { HOME: join(dir, 'home', 'li') },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('用户名或密码不对');
    const mismatch = await studio(
      [
        'team',
        '--server',
        server.url,
        '--user',
        'li',
        '--password-stdin',
        '--fingerprint',
        'AB'.repeat(32),
        'review',
        'list',
      ],
      { input: PW.li!, env: { HOME: join(dir, 'home', 'li') } },
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('证书指纹与 --fingerprint 不同');
    expect((await studio(['team', '--user', 'li', 'search', 'x'])).code).toBe(2);
    expect((await studio(['team-admin', 'list'])).code).toBe(2);
    const missing = await li('submit', join(dir, 'nothing.png'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');
    expect(existsSync(join(dir, 'home', 'li', '反诈物料工作室', '团队服务器.json'))).toBe(true);
  });
});
