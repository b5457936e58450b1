import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamApiError } from '../../main/team/client.js';
import { sanmingProfile } from '../helpers/profile.js';
import { team, type Team } from './helpers.js';

const TEMPLATE = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../templates/designs/banner-red-600x70.json'), 'utf8'),
) as Record<string, unknown>;

let t: Team;
beforeAll(async () => {
  t = await team('shared');
});
afterAll(async () => t?.close());

describe('shared from the centre', () => {
  it('a template the centre publishes is served to every station, versioned, and can be withdrawn', async () => {
    const zhao = await t.as('zhao');
    const li = await t.as('li');
    const tpl = { ...TEMPLATE, id: 'city-banner-fish', title: '全市统一鱼市横幅', kind: 'banner' };
    const first = await zhao.call('publishTemplate', { template: tpl as never });
    expect(first).toMatchObject({ id: 'city-banner-fish', version: 1, updatedBy: 'zhao' });
    const again = await zhao.call('publishTemplate', {
      template: { ...tpl, title: '全市统一鱼市横幅（新版）' } as never,
    });
    expect(again.version).toBe(2);
    expect((await li.call('templates', {})).templates).toEqual([
      expect.objectContaining({ id: 'city-banner-fish', version: 2 }),
    ]);
    const got = await li.call('template', { id: 'city-banner-fish' });
    expect(got.template.title).toBe('全市统一鱼市横幅（新版）');
    expect(got.template.elements.length).toBe((TEMPLATE.elements as unknown[]).length);
    // A station cannot publish; a broken template is refused with the field named.
    await expect(li.call('publishTemplate', { template: tpl as never })).rejects.toMatchObject({ status: 403 });
    const broken = await zhao
      .call('publishTemplate', { template: { ...tpl, id: 'Bad ID!' } as never })
      .catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(TeamApiError);
    expect((broken as TeamApiError).details.join()).toContain('模板编号应为小写字母');
    const ref = { mime: 'image/png', sha256: 'a'.repeat(64), bytes: 10, widthPx: 1, heightPx: 1 };
    const held = await zhao
      .call('publishTemplate', { template: { ...tpl, assets: { photo: ref } } as never })
      .catch((e: unknown) => e);
    expect((held as TeamApiError).details.join()).toContain('共享模板的图片须内嵌在文件中');
    await zhao.call('withdrawTemplate', { id: 'city-banner-fish' });
    expect((await li.call('templates', {})).templates).toEqual([]);
    await expect(li.call('template', { id: 'city-banner-fish' })).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('unit profiles are published by the centre with the studio’s profile schema, images embedded', async () => {
    const zhao = await t.as('zhao');
    const zhang = await t.as('zhang');
    const profile = sanmingProfile();
    const p = await zhao.call('publishProfile', { unit: '城关派出所', profile });
    expect(p).toMatchObject({ unit: '城关派出所', version: 1, profile: { unit: profile.unit, qr: profile.qr } });
    const [shared] = (await zhang.call('profiles', {})).profiles;
    expect(shared!.profile).toEqual(profile);
    expect((await zhao.call('publishProfile', { unit: '城关派出所', profile })).version).toBe(2);
    // Not a profile; an image only one studio holds (by its hash); too large: refused, field named.
    const refused = async (bad: unknown) => {
      const e = await zhao
        .call('publishProfile', { unit: '城关派出所', profile: bad as never })
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TeamApiError);
      return (e as TeamApiError).details.join('\n');
    };
    expect(await refused({ hotline: '96110' })).toContain('不是本单位信息文件');
    const ref = { mime: 'image/png', sha256: 'a'.repeat(64), bytes: 10, widthPx: 1, heightPx: 1 };
    expect(await refused({ ...profile, logo: ref })).toContain('profile.logo.data');
    const big = { mime: 'image/png', data: 'A'.repeat(17 * 1024 * 1024) };
    expect(await refused({ ...profile, logo: big })).toContain('单位资料不能超过 16 MB');
    await expect(zhang.call('publishProfile', { unit: '城关派出所', profile })).rejects.toMatchObject({ status: 403 });
    const audit = await zhao.call('audit', { limit: 50 });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['profile-publish', 'template-publish', 'template-withdraw']),
    );
  });
});
