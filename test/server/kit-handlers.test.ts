import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../main/core/api-jobs.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { testContext } from '../helpers/context.js';
import { handlerCalls } from '../helpers/handler-calls.js';
import { buildScene } from '../../main/engine/scene/build-scene.js';
import { trimArea } from '../../main/engine/scene/trim-shape.js';
import { filledTemplate, sanmingProfile } from '../helpers/profile.js';
import { zipEntries } from '../helpers/zip-entries.js';

/*
 * The imposition and kit methods through the studio's handlers: plans, swaps, and the jobs of the
 * one job service (status of kinds `impose` and `kit`, the file offered when done).
 */

let ctx: ReturnType<typeof testContext>;
let api: ReturnType<typeof handlerCalls>;
beforeEach(async () => {
  ctx = testContext();
  api = handlerCalls(createHandlers(ctx));
  await ctx.profile.save(sanmingProfile());
});
afterEach(async () => {
  await ctx.dispose();
});

async function finished(jobId: string): Promise<JobStatus> {
  const end = Date.now() + 120_000;
  for (;;) {
    const s = (await api.ok('jobStatus', { jobId })) as JobStatus;
    if (['done', 'error', 'cancelled'].includes(s.state)) return s;
    if (Date.now() > end) throw new Error(`job still ${s.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const STALLS = [
  { name: '鱼摊', goods: ['鲫鱼', '草鱼'] },
  { name: '菜摊', goods: ['白菜', '青菜'] },
  { name: '禽摊', goods: ['乌鸡', '土鸡'], stickers: 10, tags: 4 },
];

describe('imposition', () => {
  it('plans the sheets, then makes the PDF as an impose job', async () => {
    const req = {
      items: [
        { templateId: 'sticker-round-red-40', count: 40 },
        { templateId: 'tag-hanging-70x100-fresh', count: 6 },
      ],
      sheet: 'sra3',
    };
    const plan = await api.ok('planImpose', req);
    expect(plan).toMatchObject({ pieces: 46, items: [{ round: true }, { round: false }] });
    expect(plan.first.length).toBe(plan.perSheet[0]);
    const { jobId } = await api.ok('startImpose', req);
    const s = await finished(jobId);
    expect(s).toMatchObject({ kind: 'impose', state: 'done', sheets: plan.sheets, pieces: 46 });
    expect(s.fileName).toMatch(/拼版\.pdf$/);
    expect(ctx.downloads.get(s.downloadId!)).toBeDefined();
  });

  it('turns tags 90° when that needs fewer sheets; rotate: false keeps them upright, in the plan and the job', async () => {
    // 70 × 100 tags on SRA3: 14 a sheet with 4 lying down, 12 when none may turn.
    const req = { items: [{ templateId: 'tag-hanging-70x100-fresh', count: 14 }], sheet: 'sra3' };
    const turned = await api.ok('planImpose', req);
    expect(turned).toMatchObject({ sheets: 1, perSheet: [14], items: [{ rotated: 4 }] });
    expect(turned.first.filter((p: { rotated?: boolean }) => p.rotated)).toHaveLength(4);
    const upright = await api.ok('planImpose', { ...req, rotate: false });
    expect(upright).toMatchObject({ sheets: 2, perSheet: [12, 2], items: [{ rotated: 0 }] });
    expect(upright.first.some((p: { rotated?: boolean }) => p.rotated)).toBe(false);
    const s = await finished((await api.ok('startImpose', { ...req, rotate: false, allowPlaceholder: true })).jobId);
    expect(s).toMatchObject({ state: 'done', sheets: 2, pieces: 14 });
  });

  it('counts a sticker cut along its picture by its traced outline, as the imposed PDF does, not its rectangle', async () => {
    const req = { items: [{ templateId: 'sticker-shaped-fish-70', count: 20 }], sheet: 'a3' };
    const plan = await api.ok('planImpose', req);
    const area = trimArea(buildScene(filledTemplate('sticker-shaped-fish-70')).scene);
    expect(area).toBeLessThan(0.8 * 70 * 70);
    expect(plan.wastePct).toBeCloseTo(100 * (1 - (20 * area) / (plan.sheets * 297 * 420)), 1);
    const s = await finished((await api.ok('startImpose', req)).jobId);
    expect(s).toMatchObject({ state: 'done', sheets: plan.sheets, wastePct: plan.wastePct });
  });

  it('a piece bigger than the sheet is refused before any job starts', async () => {
    const e = await api.bad('startImpose', {
      items: [{ templateId: 'sign-board-600x800-blue', count: 1 }],
      sheet: 'a4',
    });
    expect(e.message).toContain('放不进 A4');
  });
});

describe('the market kit', () => {
  it('reads a stall table, proposes jingles, keeps a swap, and delivers the zip', async () => {
    const csv = Buffer.from('摊位,商品,贴纸数量\n鱼摊,鲫鱼 草鱼,20\n菜摊,白菜、青菜,\n', 'utf8');
    const { uploadId } = await ctx.uploads.fromBytes('摊位表.csv', csv);
    const { stalls } = await api.ok('readStallTable', { uploadId });
    expect(stalls).toEqual([
      { name: '鱼摊', goods: ['鲫鱼', '草鱼'], stickers: 20 },
      { name: '菜摊', goods: ['白菜', '青菜'] },
    ]);
    const plans = await api.ok('planMarketKit', { stalls: STALLS });
    expect(plans).toHaveLength(3);
    const swap = plans[1].alternatives[0].text as string;
    const swapped = await api.ok('planMarketKit', { stalls: STALLS, chosen: [null, swap, null] });
    expect(swapped[1].jingle.text).toBe(swap);
    const { jobId } = await api.ok('startMarketKit', { stalls: STALLS, chosen: [null, swap, null], job: '列东菜市场' });
    const s = await finished(jobId);
    expect(s).toMatchObject({ kind: 'kit', kit: 'market', state: 'done', failures: [] });
    if (s.kind !== 'kit') throw new Error('not a kit job');
    expect(s.stepsDone).toBe(s.stepsTotal);
    expect(s.fileName).toBe('列东菜市场-交付包.zip');
    const names = [...(await zipEntries(ctx.downloads.get(s.downloadId!)!.path)).keys()];
    expect(names).toContain('摊位展板/02-菜摊-摊位展板.pdf');
    expect(names).toContain('制作单.xlsx');
    expect(names.length).toBe(s.files);
  });

  it('a stall list that is not one is refused with what to do', async () => {
    const { uploadId } = await ctx.uploads.fromBytes('名单.csv', Buffer.from('姓名\n张三\n'));
    expect((await api.bad('readStallTable', { uploadId })).message).toContain('「摊位」和「商品」');
    expect((await api.bad('planMarketKit', { stalls: [] })).message).toMatch(/至少/);
  });
});

describe('the grid-group kit', () => {
  it('lists the known audiences, plans jingles and messages, and delivers the folders as a zip', async () => {
    const known = await api.ok('gridAudiences', {});
    expect(known.find((a: { audience: string }) => a.audience === '老年人').warns).toContain('保健品诈骗');
    const plans = await api.ok('planGridKit', { audiences: [{ audience: '老年人' }, { audience: '学生' }] });
    expect(plans[0].message).toContain('列东派出所 0598-1234110');
    const { jobId } = await api.ok('startGridKit', { audiences: [{ audience: '老年人' }, { audience: '学生' }] });
    const s = await finished(jobId);
    expect(s).toMatchObject({ kind: 'kit', kit: 'grid', state: 'done' });
    const names = [...(await zipEntries(ctx.downloads.get(s.downloadId!)!.path)).keys()].sort();
    expect(names).toEqual([
      '01-老年人/封面-900x383.jpg',
      '01-老年人/方图-1080x1080.jpg',
      '01-老年人/竖图-1080x1920.jpg',
      '01-老年人/群消息.txt',
      '02-学生/封面-900x383.jpg',
      '02-学生/方图-1080x1080.jpg',
      '02-学生/竖图-1080x1920.jpg',
      '02-学生/群消息.txt',
    ]);
  });

  it('reads a TXT list of audiences', async () => {
    const { uploadId } = await ctx.uploads.fromBytes('人群.txt', Buffer.from('老年人：公检法\n宝妈\n'));
    expect((await api.ok('readAudienceList', { uploadId })).audiences).toEqual([
      { audience: '老年人', warns: ['公检法'] },
      { audience: '宝妈' },
    ]);
  });
});
