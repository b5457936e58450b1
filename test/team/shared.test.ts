import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamApiError } from '../../main/team/client.js';
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
    await zhao.call('withdrawTemplate', { id: 'city-banner-fish' });
    expect((await li.call('templates', {})).templates).toEqual([]);
    await expect(li.call('template', { id: 'city-banner-fish' })).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('unit profiles are published by the centre, as JSON objects under a size cap', async () => {
    const zhao = await t.as('zhao');
    const zhang = await t.as('zhang');
    const profile = {
      name: '城关派出所',
      hotline: '96110',
      qr: 'https://example.invalid/chengguan',
      mascot: '明警小花',
    };
    const p = await zhao.call('publishProfile', { unit: '城关派出所', profile });
    expect(p).toMatchObject({ unit: '城关派出所', version: 1, profile });
    expect((await zhang.call('profiles', {})).profiles).toEqual([
      expect.objectContaining({ unit: '城关派出所', profile }),
    ]);
    const big = { blob: 'x'.repeat(300 * 1024) };
    await expect(zhao.call('publishProfile', { unit: '城关派出所', profile: big })).rejects.toMatchObject({
      reason: 'invalid-input',
      details: [expect.stringContaining('单位资料不能超过 256 KB')],
    });
    await expect(zhao.call('publishProfile', { unit: '城关派出所', profile: [1, 2] as never })).rejects.toMatchObject({
      reason: 'invalid-input',
    });
    await expect(zhang.call('publishProfile', { unit: '城关派出所', profile })).rejects.toMatchObject({ status: 403 });
    const audit = await zhao.call('audit', { limit: 50 });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['profile-publish', 'template-publish', 'template-withdraw']),
    );
  });
});
