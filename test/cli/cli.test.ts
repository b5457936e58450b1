import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliCommand, studio } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { SANMING_PROFILE_FILE as PROFILE } from '../helpers/profile.js';

const dir = join(OUT_DIR, 'cli');
const p = (name: string) => join(dir, name);
/** Only the expected files: no temporary file left beside an output. */
const leftovers = () => readdirSync(dir).filter((f) => f.includes('.tmp-'));

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('campaign-studio templates', () => {
  it('--json lists id, kind, size and slots', async () => {
    const r = await studio(['templates', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      kind: string;
      widthMm: number;
      heightMm: number;
      slots: { name: string }[];
    }[];
    const banner = list.find((t) => t.id === 'banner-red-600x70')!;
    expect(banner).toMatchObject({ kind: 'banner', widthMm: 6000, heightMm: 700 });
    for (const t of list) {
      expect([
        'banner',
        'vertical-banner',
        'poster',
        'rollup',
        'x-stand',
        'table-card',
        'sign',
        'sticker',
        'tag',
        'wechat',
      ]).toContain(t.kind);
      expect(t.slots.map((s) => s.name)).toContain('slogan');
    }
  });
  it('prints a readable table without --json', async () => {
    const r = await studio(['templates']);
    expect(r.stdout).toContain('poster-a2-red');
    expect(r.stdout).toContain('槽位');
  });
});

describe('campaign-studio render', () => {
  it('renders the A2 poster as a PDF with the slogan set, exact A2 trim and searchable text', async () => {
    const out = p('poster.pdf');
    const r = await studio([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      PROFILE,
      '--set',
      'slogan=乌鸡土鸡大公鸡、听说转账就挂机',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdf = PdfReader.open(out);
    const trim = pdf.boxes(0).mm.TrimBox!;
    expect(trim.w).toBeCloseTo(420, 2);
    expect(trim.h).toBeCloseTo(594, 2);
    expect(pdf.text().replace(/\s/g, '')).toContain('乌鸡土鸡大公鸡');
  });

  it('renders the WeChat template at exactly 1080×1920 px and stamps the dpi', async () => {
    const out = p('wechat.png');
    const r = await studio(['render', '--template', 'wechat-1080x1920-blue', '--profile', PROFILE, '--out', out]);
    expect(r.code).toBe(0);
    const m = await sharp(out).metadata();
    expect([m.width, m.height, m.density]).toEqual([1080, 1920, 96]);
  });

  it('takes the format from --format over the extension, and JPEG at a chosen dpi', async () => {
    const out = p('poster-small.img');
    const r = await studio([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      PROFILE,
      '--format',
      'jpeg',
      '--dpi',
      '30',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const m = await sharp(out).metadata();
    expect([m.format, m.width, m.height, m.density]).toEqual(['jpeg', 497, 702, 30]);
  });

  it('renders at a chosen pixel width, the height following the page', async () => {
    const out = p('poster-900.webp');
    const r = await studio([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      PROFILE,
      '--width',
      '900',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m = await sharp(out).metadata();
    expect([m.format, m.width, m.height]).toEqual(['webp', 900, Math.ceil((900 * 594) / 420)]);
  });

  it('fills a photo slot from an image file', async () => {
    // The poster has no photo slot yet: a design file with one is written here.
    const img = p('photo.png');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2E7D32' } })
      .png()
      .toFile(img);
    const d = {
      schema: 'campaign-studio/design',
      version: 1,
      format: { widthMm: 100, heightMm: 100, dpi: 100 },
      elements: [{ id: 'photo', slot: 'photo', type: 'image', box: { x: 0, y: 0, w: 100, h: 100 } }],
    };
    writeFileSync(p('photo-design.json'), JSON.stringify(d));
    const r = await studio([
      'render',
      '--design',
      p('photo-design.json'),
      '--set',
      `photo=${img}`,
      '--out',
      p('photo-out.png'),
    ]);
    expect(r.code).toBe(0);
    const { data } = await sharp(p('photo-out.png')).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0x2e, 0x7d, 0x32]);
  });

  it('makes a multi-page PDF from several designs', async () => {
    const d = (t: string) => ({
      schema: 'campaign-studio/design',
      version: 1,
      format: { widthMm: 100, heightMm: 50 },
      elements: [
        {
          id: 's',
          type: 'text',
          text: t,
          box: { x: 5, y: 5, w: 90, h: 40 },
          size: { mode: 'fit', minMm: 3, maxMm: 30 },
        },
      ],
    });
    writeFileSync(p('a.json'), JSON.stringify(d('城东派出所')));
    writeFileSync(p('b.json'), JSON.stringify(d('城西派出所')));
    const r = await studio(['render', '--design', p('a.json'), '--design', p('b.json'), '--out', p('batch.pdf')]);
    expect(r.code).toBe(0);
    const pdf = PdfReader.open(p('batch.pdf'));
    expect(pdf.pageCount).toBe(2);
    expect(pdf.text(1)).toContain('城西派出所');
  });
});

describe('bad input', () => {
  const fails = async (args: string[], code: number, ...needles: (string | RegExp)[]) => {
    const r = await studio(args);
    expect(r.code, r.stderr).toBe(code);
    for (const n of needles) expect(r.stderr).toMatch(n);
    expect(leftovers()).toEqual([]);
    return r;
  };

  it('malformed JSON names the file', async () => {
    writeFileSync(p('broken.json'), '{ "schema": "campaign-studio/design", ');
    await fails(['render', '--design', p('broken.json'), '--out', p('x.pdf')], 1, '不是有效的 JSON', 'broken.json');
    expect(existsSync(p('x.pdf'))).toBe(false);
  });

  it('a bad field is named by its path', async () => {
    const d = { schema: 'campaign-studio/design', version: 1, format: { widthMm: 100, heightMm: 0 }, elements: [] };
    writeFileSync(p('zero.json'), JSON.stringify(d));
    await fails(['render', '--design', p('zero.json'), '--out', p('x.pdf')], 1, 'format.heightMm');
  });

  it('an unknown template or slot lists what exists', async () => {
    await fails(['render', '--template', 'nope', '--out', p('x.pdf')], 1, '没有编号为「nope」的模板', 'poster-a2-red');
    await fails(
      ['render', '--template', 'poster-a2-red', '--profile', PROFILE, '--set', 'slgan=白菜', '--out', p('x.pdf')],
      1,
      '没有名为「slgan」的槽位',
      'slogan',
    );
  });

  it('an unreadable or corrupt image names the file or slot', async () => {
    writeFileSync(
      p('photo-design2.json'),
      JSON.stringify({
        schema: 'campaign-studio/design',
        version: 1,
        format: { widthMm: 100, heightMm: 100 },
        elements: [{ id: 'photo', slot: 'photo', type: 'image', box: { x: 0, y: 0, w: 100, h: 100 } }],
      }),
    );
    await fails(
      ['render', '--design', p('photo-design2.json'), '--set', `photo=${p('missing.png')}`, '--out', p('x.png')],
      1,
      '无法读取图片',
    );
    writeFileSync(p('corrupt.jpg'), Buffer.from('\xff\xd8\xff\xe0 this is not really a jpeg', 'latin1'));
    await fails(
      ['render', '--design', p('photo-design2.json'), '--set', `photo=${p('corrupt.jpg')}`, '--out', p('x.png')],
      1,
      /图片「photo-image」无法使用/,
    );
  });

  it('text that cannot fit stops the render and leaves the existing output intact', async () => {
    const out = p('keep.pdf');
    writeFileSync(out, 'previous file');
    const long = '白菜青菜油麦菜莫给骗子当韭菜'.repeat(12);
    await fails(
      ['render', '--template', 'poster-a2-red', '--profile', PROFILE, '--set', `hotline=${long}`, '--out', out],
      1,
      '文字放不下',
      '「反诈专线」',
      '--allow-overflow',
    );
    expect(readFileSync(out, 'utf8')).toBe('previous file');
    const r = await studio([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      PROFILE,
      '--set',
      `hotline=${long}`,
      '--out',
      out,
      '--allow-overflow',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('超出文本框');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an output path that cannot be written is a clear error', async () => {
    await fails(
      ['render', '--template', 'poster-a2-red', '--profile', PROFILE, '--out', p('no/such/dir/x.pdf')],
      1,
      '无法写入输出文件',
    );
    await fails(
      ['render', '--template', 'poster-a2-red', '--profile', PROFILE, '--out', p('x.doc')],
      1,
      '无法从文件名',
    );
  });

  it('usage mistakes exit 2 with a hint', async () => {
    await fails(['render', '--template', 'poster-a2-red'], 2, '需要 --out');
    await fails(['render', '--out', p('x.pdf')], 2, '--template');
    const T = ['render', '--template', 'poster-a2-red', '--profile', PROFILE];
    await fails([...T, '--out', p('x.pdf'), '--bogus'], 2, 'help');
    await fails(['nonsense'], 2, '没有「nonsense」这个命令');
    // The same mistake, the same answer: any --dpi that is not 1–2400 is a usage error.
    for (const dpi of ['abc', '0', '-3', '3000', ''])
      await fails([...T, '--out', p('x.png'), `--dpi=${dpi}`], 2, '--dpi 应为 1 到 2400 dpi');
    await fails([...T, '--out', p('x.png'), '--set', 'slogan'], 2, '--set 应写成 槽位=内容');
  });
});

describe('campaign-studio preflight', () => {
  it('--json reports findings naming their element, exit 3 on errors', async () => {
    const r = await studio(['preflight', '--template', 'poster-a2-red', '--set', 'slogan=防骗😀', '--json']);
    expect(r.code).toBe(3);
    const rep = JSON.parse(r.stdout) as { ok: boolean; findings: { code: string; elementId: string }[] };
    expect(rep.ok).toBe(false);
    expect(rep.findings).toContainEqual(expect.objectContaining({ code: 'missing-glyph', elementId: 'slogan' }));
  });
  it('a clean template passes with exit 0', async () => {
    const r = await studio(['preflight', '--template', 'banner-red-600x70']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未发现问题');
  });
});

describe('interrupted renders', () => {
  /** A 6 m banner PNG at 150 dpi (a few seconds), stopped with `signal` at its first progress line. */
  async function interruptRender(
    out: string,
    signal: NodeJS.Signals,
  ): Promise<{ code: number | null; stderr: string }> {
    const { spawn } = await import('node:child_process');
    // With the unit's profile: a template's sample content would stop the render before it starts.
    const args = ['render', '--template', 'banner-red-600x70', '--profile', PROFILE, '--dpi', '150', '--out', out];
    const [cmd, argv] = cliCommand(args);
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Wait for the first progress line: the temporary file exists by then.
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  }

  it('Ctrl-C during a long render leaves no partial or temporary file, and the old file intact', async () => {
    const out = p('interrupted.png');
    writeFileSync(out, 'previous file');
    const { code, stderr } = await interruptRender(out, 'SIGINT');
    expect(code).toBe(130);
    expect(stderr).toContain('已中断');
    expect(readFileSync(out, 'utf8')).toBe('previous file');
    expect(leftovers()).toEqual([]);
  });

  it('a render killed outright (SIGKILL) leaves its temp file; the next render into that folder sweeps it', async () => {
    const killed = join(dir, 'killed');
    mkdirSync(killed, { recursive: true });
    const mine = join(killed, 'notes.tmp-999999-0123abcd'); // not our pattern (no leading dot): never touched
    writeFileSync(mine, 'mine');
    await interruptRender(join(killed, 'banner.png'), 'SIGKILL');
    const temps = () => readdirSync(killed).filter((f) => /^\.banner\.png\.tmp-\d+-[0-9a-f]{8}$/.test(f));
    expect(temps()).toHaveLength(1); // what a power cut leaves
    const r = await studio([
      'render',
      '--template',
      'poster-a3-blue',
      '--profile',
      PROFILE,
      '--out',
      join(killed, 'poster.pdf'),
    ]);
    expect(r.code).toBe(0);
    expect(temps()).toEqual([]);
    expect(readdirSync(killed).sort()).toEqual(['notes.tmp-999999-0123abcd', 'poster.pdf']);
  });
});
