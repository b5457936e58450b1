import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resultSchema, type ApiMethod } from '../../main/core/api.js';
import { designFromTemplate } from '../../main/core/index.js';
import { getTemplate } from '../../main/engine/templates.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { testContext } from '../helpers/context.js';
import { sanmingProfile } from '../helpers/profile.js';

const ctx = testContext();
const h = createHandlers(ctx);
afterAll(() => ctx.dispose());

async function call(m: ApiMethod, input: unknown) {
  const r = await h[m](input);
  expect(resultSchema(m).safeParse(r).success, `${m} result matches the contract`).toBe(true);
  return r as { ok: true; value: any } | { ok: false; error: { code: string; message: string; details?: string[] } };
}
async function ok(m: ApiMethod, input: unknown) {
  const r = await call(m, input);
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value;
}
async function until(id: string) {
  for (let i = 0; i < 600; i++) {
    const s = await ok('jobStatus', { jobId: id });
    if (['done', 'error', 'cancelled'].includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

const unitText = (d: any) => d.elements.find((e: any) => e.id === 'unit').text as string;

describe('the stored unit profile', () => {
  it('starts empty: templates open with their samples, and exports refuse them unless allowed', async () => {
    const p = await ok('getProfile', {});
    expect(p).toMatchObject({ saved: false, profile: { unit: { full: '', short: '' } } });
    expect(p.path).toBe(ctx.profile.path);
    const d = await ok('getTemplate', { id: 'poster-a2-red' });
    expect(unitText(d)).toBe('××市公安局反诈中心');
    const refused = await until((await ok('exportDesign', { design: d, format: 'pdf' })).jobId);
    expect(refused.state).toBe('error');
    expect(refused.error).toContain('模板的示例内容');
    expect(refused.error).toContain('「单位名称」');
    const allowed = await until((await ok('exportDesign', { design: d, format: 'pdf', allowPlaceholder: true })).jobId);
    expect(allowed.state).toBe('done');
  });

  it('saved (atomically, nothing left beside it), it fills every template the studio opens and applyProfile', async () => {
    const saved = await ok('saveProfile', { profile: sanmingProfile() });
    expect(saved.path).toBe(ctx.profile.path);
    expect(readdirSync(dirname(ctx.profile.path))).toEqual(['本单位信息.json']);
    expect(await ok('getProfile', {})).toMatchObject({ saved: true, profile: { unit: { short: '列东派出所' } } });
    const d = await ok('getTemplate', { id: 'poster-a2-red' });
    expect(unitText(d)).toBe('三明市公安局三元分局列东派出所');
    const done = await until((await ok('exportDesign', { design: d, format: 'pdf' })).jobId);
    expect(done.state).toBe('done');
    const applied = await ok('applyProfile', { design: designFromTemplate(getTemplate('sign-board-600x800-blue')) });
    expect(applied.filled).toEqual(expect.arrayContaining(['logo', 'unit', 'local-hotline', 'mascot', 'qr']));
    expect(applied.notes).toEqual([]);
    expect(applied.design.assets['profile-logo'].mime).toBe('image/png');
  });

  it('a bad field is refused naming it, and the stored profile is untouched', async () => {
    const before = readFileSync(ctx.profile.path, 'utf8');
    const p = { ...sanmingProfile(), hotlines: [{ label: '值班室', number: 'abc' }] };
    const r = await call('saveProfile', { profile: p });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.[0]).toMatch(/^profile\.hotlines\[0\]\.number：电话号码/);
    expect(readFileSync(ctx.profile.path, 'utf8')).toBe(before);
  });

  it('a damaged file is reported and kept; templates still open; saving moves it aside, never over it', async () => {
    writeFileSync(ctx.profile.path, '{"schema": "campaign-studio/profile", "version": 1, "unit": ');
    const p = await ok('getProfile', {});
    expect(p.saved).toBe(false);
    expect(p.problem).toMatch(/^本单位信息文件有问题，暂未使用：.*不是有效的 JSON/);
    expect(unitText(await ok('getTemplate', { id: 'poster-a2-red' }))).toBe('××市公安局反诈中心');
    expect(readFileSync(ctx.profile.path, 'utf8')).toContain('"unit": ');
    const saved = await ok('saveProfile', { profile: sanmingProfile() });
    expect(saved.movedAside).toMatch(/本单位信息\.json\.损坏-/);
    expect(readFileSync(saved.movedAside, 'utf8')).toContain('"unit": ');
    expect((await ok('getProfile', {})).saved).toBe(true);
    expect(existsSync(ctx.profile.path)).toBe(true);
  });
});

describe('the profile pictures go by reference (issue #15)', () => {
  it('getProfile names the logo and mascot in the image store; saveProfile takes the references back', async () => {
    await ok('saveProfile', { profile: sanmingProfile() });
    const got = await ok('getProfile', {});
    expect(got.profile.logo).toMatchObject({ mime: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(got.profile.mascot.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(got)).not.toMatch(/"data"/);
    // The page changes a name and sends the pictures back as they came: the file embeds them again.
    const changed = { ...got.profile, unit: { ...got.profile.unit, short: '列东所' } };
    expect(JSON.stringify({ profile: changed }).length).toBeLessThan(4096);
    await ok('saveProfile', { profile: changed });
    const file = JSON.parse(readFileSync(ctx.profile.path, 'utf8'));
    expect(file.unit.short).toBe('列东所');
    expect(file.logo.data).toBe(sanmingProfile().logo!.data);
    expect(file.mascot.image.data).toBe(sanmingProfile().mascot!.image.data);
    // A reference the store no longer has is refused with what to do, and the file stays as it was.
    const gone = { ...changed, logo: { ...changed.logo, sha256: 'f'.repeat(64) } };
    const r = await call('saveProfile', { profile: gone });
    expect(!r.ok && r.error.message).toMatch(/请重新放入这张图片/);
    expect(JSON.parse(readFileSync(ctx.profile.path, 'utf8')).unit.short).toBe('列东所');
  });
});

describe('listIllustrations', () => {
  it('searches in Chinese and gives each picture as a small SVG of paths', async () => {
    const fish = await ok('listIllustrations', { query: '鱼' });
    expect(fish[0]).toMatchObject({ id: 'fish', name: '鱼', group: 'goods' });
    expect(fish[0].svg).toMatch(/^<svg [^>]*viewBox="0 0 32 32"[^>]*><g transform="matrix\(1 0 0 1 0 0\)"/);
    expect((await ok('listIllustrations', { query: '盾牌' }))[0].id).toBe('shield');
    expect((await ok('listIllustrations', {})).length).toBeGreaterThan(100);
  });
});
