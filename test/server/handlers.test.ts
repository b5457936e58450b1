import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { API, resultSchema } from '../../main/core/api.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { method } from '../../main/server/handlers/result.js';
import { testContext } from '../helpers/context.js';
import { handlerCalls } from '../helpers/handler-calls.js';
import { design, textEl } from '../helpers/designs.js';

const ctx = testContext();
const { jobs, logged } = ctx;
const h = createHandlers(ctx);
afterAll(() => ctx.dispose());

const { ok, bad } = handlerCalls(h);

const SLOGAN = '白菜青菜油麦菜、莫给骗子当韭菜';
const small = () =>
  design({
    name: '小样',
    format: { widthMm: 60, heightMm: 40, dpi: 72 },
    elements: [textEl({ text: SLOGAN, box: { x: 2, y: 2, w: 56, h: 36 } })],
  });

async function until(id: string, done: (s: any) => boolean) {
  for (let i = 0; i < 600; i++) {
    const s = await ok('jobStatus', { jobId: id });
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

describe('handlers', () => {
  it('listTemplates, getTemplate, listFormats, newDesignFromFormat', async () => {
    const list = await ok('listTemplates', {});
    expect(list.length).toBeGreaterThan(20);
    const poster = list.find((t: any) => t.id === 'poster-a2-red');
    expect(poster).toMatchObject({ kind: 'poster', widthMm: 420, thumbnail: '/thumbnails/poster-a2-red.png' });
    expect(poster.slots.map((s: any) => s.name)).toContain('slogan');
    expect((await ok('getTemplate', { id: 'poster-a2-red' })).templateId).toBe('poster-a2-red');
    expect((await bad('getTemplate', { id: 'no-such-one' })).code).toBe('unknown-template');
    expect((await bad('getTemplate', {})).details?.[0]).toMatch(/^id：/);
    const formats = await ok('listFormats', {});
    expect(formats.map((f: any) => f.id)).toContain('banner-600x70');
    const d = await ok('newDesignFromFormat', { formatId: 'banner-600x70', name: '菜场横幅' });
    expect(d).toMatchObject({ name: '菜场横幅', kind: 'banner', format: { widthMm: 6000, heightMm: 700 } });
    expect(d.elements[0].slot).toBe('slogan');
    expect(API.newDesignFromFormat.output.safeParse(d).success).toBe(true);
    expect((await bad('newDesignFromFormat', { formatId: 'nope-format' })).message).toMatch(/规格/);
    await bad('listTemplates', { extra: 1 });
  });

  it('a new shaped sticker has the picture its cut follows, and the slogan on it inside the cut', async () => {
    const d = await ok('newDesignFromFormat', { formatId: 'sticker-shaped-70' });
    expect(d.elements.map((e: any) => [e.id, e.type])).toEqual([
      ['picture', 'illustration'],
      ['slogan', 'text'],
    ]);
    d.elements[1].text = SLOGAN;
    const preview = await ok('previewSvg', { design: d });
    expect(preview.notes.map((n: any) => n.message).join()).not.toMatch(/模切线/);
    const report = await ok('preflight', { design: d });
    const codes = report.findings.map((f: any) => f.code);
    expect(codes).not.toContain('cut-margin');
    expect(codes).not.toContain('outside-safe-area');
  });

  it('listFonts: the bundled families with their weights, then what this PC has', async () => {
    const fonts = await ok('listFonts', {});
    expect(fonts.filter((f: any) => f.bundled).map((f: any) => f.family)).toEqual(
      expect.arrayContaining(['Noto Sans SC', 'Noto Serif SC']),
    );
    expect(fonts.find((f: any) => f.family === 'Noto Sans SC').weights).toEqual(
      expect.arrayContaining([400, 700, 900]),
    );
    expect(new Set(fonts.map((f: any) => f.family)).size).toBe(fonts.length);
  });

  it('previewSvg and preflight', async () => {
    const p = await ok('previewSvg', { design: small() });
    // The page's ground and the text, each a layer of its own (preview-layers.test.ts).
    expect(p.layers.map((l: any) => l.id)).toEqual(['background', 't']);
    for (const l of p.layers) {
      expect(l.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(l.svg).not.toMatch(/<script|<foreignObject/i);
    }
    const over = design({
      elements: [
        textEl({
          text: SLOGAN.repeat(20),
          box: { x: 0, y: 0, w: 10, h: 5 },
          size: { mode: 'fit', minMm: 5, maxMm: 6 },
        }),
      ],
    });
    expect((await ok('previewSvg', { design: over })).notes[0]).toMatchObject({ elementId: 't', kind: 'overflow' });
    const err = await bad('previewSvg', { design: { ...small(), format: { widthMm: -1, heightMm: 10 } } });
    expect(err.code).toBe('invalid-input');
    expect(err.message).toContain('design.format.widthMm');
    const report = await ok('preflight', { design: over });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f: any) => f.code)).toContain('text-overflow');
    await bad('preflight', { design: 'x' });
  });

  it('checkSlogan, suggestSlogans, convertScript', async () => {
    expect(await ok('checkSlogan', { text: SLOGAN })).toMatchObject({ rhyme: 'same-character', form: '7+7' });
    expect((await bad('checkSlogan', { text: '没有分隔的标语' })).code).toBe('invalid-input');
    await bad('checkSlogan', { text: 'x'.repeat(3000) });
    const s = await ok('suggestSlogans', { goods: 'vegetables', fraudTypes: ['rebate'], count: 3 });
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(3);
    expect((await ok('suggestSlogans', { firstHalf: '乌鸡土鸡大公鸡', count: 5 })).length).toBeGreaterThan(0);
    expect((await bad('suggestSlogans', { goods: 'cars' })).message).toContain('goods');
    expect(await ok('convertScript', { text: '骗子来电话', to: 'traditional' })).toEqual({ text: '騙子來電話' });
    const conv = await ok('convertScript', { design: small(), to: 'traditional' });
    expect(conv.design.elements[0].text).toContain('騙');
    await bad('convertScript', { text: '骗子', to: 'klingon' });
  });

  it('openDesign and saveDesign round trip through an upload and a download, with size and schema checks', async () => {
    const put = async (text: string, name = '小样.csdesign') =>
      (await ctx.uploads.fromBytes(name, Buffer.from(text))).uploadId;
    const saved = await ok('saveDesign', { design: small() });
    expect(saved).toMatchObject({ fileName: '小样.csdesign' });
    const text = readFileSync(ctx.downloads.get(saved.downloadId)!.path, 'utf8');
    expect(saved.bytes).toBe(Buffer.byteLength(text));
    expect((await ok('openDesign', { uploadId: await put(text) })).name).toBe('小样');
    expect((await ok('openDesign', { uploadId: await put('\uFEFF' + text) })).name).toBe('小样');
    expect((await bad('openDesign', { uploadId: await put('{not json') })).code).toBe('invalid-design');
    const wrong = await bad('openDesign', {
      uploadId: await put(JSON.stringify({ ...small(), elements: [{ id: 'a', type: 'text' }] })),
    });
    expect(wrong.details?.join('\n')).toMatch(/elements\[0\]/);
    // The upload is consumed either way.
    expect(
      await bad('openDesign', { uploadId: (await ctx.uploads.fromBytes('x', Buffer.from('{}'))).uploadId }),
    ).toBeTruthy();
    await bad('saveDesign', { design: null });
  });

  it('exportDesign runs a job to a file; jobStatus and cancelJob check their ids', async () => {
    const { jobId } = await ok('exportDesign', { design: small(), format: 'png' });
    const s = await until(jobId, (x) => x.state !== 'queued' && x.state !== 'running');
    expect(s).toMatchObject({ state: 'done', progress: 1, fileName: '小样.png' });
    expect(existsSync(ctx.downloads.get(s.downloadId)!.path)).toBe(true);
    expect(await ok('cancelJob', { jobId })).toEqual({ cancelled: false });
    expect((await bad('jobStatus', { jobId: 'f'.repeat(32) })).message).toMatch(/找不到/);
    await bad('jobStatus', { jobId: '../x' });
    await bad('exportDesign', { design: small(), format: 'bmp' });
  });

  it('an export that cannot fit its text fails with the engine message', async () => {
    const over = design({
      elements: [
        textEl({
          text: SLOGAN.repeat(20),
          box: { x: 0, y: 0, w: 10, h: 5 },
          size: { mode: 'fit', minMm: 5, maxMm: 6 },
        }),
      ],
    });
    const { jobId } = await ok('exportDesign', { design: over, format: 'pdf' });
    const s = await until(jobId, (x) => x.state === 'error');
    expect(s.error).toMatch(/文字放不下/);
    expect(readdirSync(jobs.folder)).not.toContain(jobId);
  });

  it('maps unexpected errors to a generic Chinese message and logs them', async () => {
    const boom = method(
      'listFormats',
      () => {
        throw new TypeError('secret internals');
      },
      (m) => logged.push(m),
    );
    const r = await boom({});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(logged).toContain('listFormats failed');
  });

  it('a full job queue answers busy, its own code, not invalid-input', async () => {
    const busy = testContext({ budget: 1, maxQueued: 1 });
    const hb = createHandlers(busy);
    try {
      const started = [];
      for (let i = 0; i < 3; i++) started.push(await hb.exportDesign({ design: small(), format: 'png', dpi: 300 }));
      expect(started.slice(0, 2).map((r) => r.ok)).toEqual([true, true]);
      expect(started[2]).toMatchObject({
        ok: false,
        error: { code: 'busy', message: expect.stringMatching(/任务太多/) },
      });
      expect(resultSchema('exportDesign').safeParse(started[2]).success).toBe(true);
    } finally {
      await busy.dispose();
    }
  });
});
