import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { studio } from '../helpers/cli.js';
import { filledTemplate } from '../helpers/profile.js';
import { freshDir, jpeg } from '../library/fixtures.js';

const BIN = resolve(import.meta.dirname, '../../bin/campaign-studio.js');
let DESIGN: string;
let dir: string;
let photos: string;
beforeAll(async () => {
  dir = freshDir('cli');
  // A design as a station publishes it: the unit's details in, no template sample left.
  DESIGN = join(dir, 'poster-a3-blue.json');
  writeFileSync(DESIGN, JSON.stringify(filledTemplate('poster-a3-blue')));
  photos = join(dir, 'photos');
  mkdirSync(photos);
  for (let i = 0; i < 12; i++)
    writeFileSync(
      join(photos, `鱼市-${i}.jpg`),
      await jpeg(900, 700, `#${(i * 20).toString(16).padStart(2, '0')}3355`),
    );
  writeFileSync(join(photos, 'bad.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
});

describe('campaign-studio library', () => {
  it('imports, publishes, searches, shows, exports, imports a bundle, reports stats, checks and backs up', async () => {
    const lib = join(dir, 'lib');
    const L = (...a: string[]) => studio(['library', '--dir', lib, ...a]);
    const imp = await L(
      'import',
      photos,
      '--fraud-type',
      '刷单返利',
      '--unit',
      '城关派出所',
      '--tags',
      '鱼市,春季',
      '--slogan',
      '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
    );
    expect(imp.code).toBe(1); // one bad file
    expect(imp.stdout).toContain('导入 12，已存在 0，失败 1');
    expect(imp.stderr).toContain('bad.jpg');
    const pub = await L('publish', DESIGN, '--title', '蓝色海报', '--kind', 'poster');
    expect(pub.code).toBe(0);
    const s = await L('search', '鱼', '--json');
    const hits = JSON.parse(s.stdout) as { id: string; title: string }[];
    expect(hits).toHaveLength(12);
    expect(hits[0]).toMatchObject({ id: expect.any(String), title: expect.stringContaining('鱼市') });
    expect(JSON.parse((await L('search', '蓝色海报', '--kind', '海报', '--json')).stdout)).toHaveLength(1);
    const show = await L('show', hits[0]!.id.slice(0, 8));
    expect(show.stdout).toContain('刷单返利');
    expect((await L('stats', '--json')).stdout).toContain('"rebate": 12');
    const zip = join(dir, 'share.zip');
    expect((await L('export', '--out', zip, '--query', '鱼')).code).toBe(0);
    const other = await studio(['library', '--dir', join(dir, 'other'), 'import-bundle', zip]);
    expect(other.stdout).toContain('已导入 12 个样本');
    expect((await L('check')).code).toBe(0);
    expect((await L('backup', '--out', join(dir, 'backup.zip'))).code).toBe(0);
  });
  it('fails with a Chinese message and a non-zero exit', async () => {
    const r = await studio(['library', '--dir', join(dir, 'lib2'), 'import', join(dir, 'nothing.jpg')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/错误：找不到/);
    expect((await studio(['library', 'search', 'x'])).code).toBe(2);
    expect((await studio(['library', '--dir', join(dir, 'lib2'), 'import-bundle', DESIGN])).stderr).toMatch(
      /不安全或已损坏/,
    );
  });
});

describe('first use and folder imports', () => {
  it('several processes opening the same new library at once all succeed', async () => {
    // Found while testing the CLI's messages: two processes creating one library raced its
    // migration ("table samples already exists", exit 70).
    const lib = join(dir, 'race');
    const runs = await Promise.all(
      Array.from({ length: 6 }, () => studio(['library', '--dir', lib, 'stats', '--json'])),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('names each file a folder import skips, and why; guesses kinds, and --kind corrects them', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, '说明.docx'), 'PK\u0003\u0004 word');
    writeFileSync(join(folder, '空白.jpg'), '');
    writeFileSync(join(folder, '.thumbs'), 'x');
    writeFileSync(join(folder, '朋友圈.jpg'), await jpeg(1080, 1920, '#06c'));
    const lib = join(dir, 'mixed-lib');
    const r = await studio(['library', '--dir', lib, 'import', folder]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`跳过 ${join(folder, '说明.docx')}：不是图片或 PDF`);
    expect(r.stderr).toContain(`跳过 ${join(folder, '空白.jpg')}：文件为空`);
    expect(r.stderr).toContain(`跳过 ${join(folder, '.thumbs')}：隐藏文件`);
    expect(r.stdout).toContain('完成：导入 1，已存在 0，失败 0，跳过 3（逐个列在上面）');
    const [sample] = JSON.parse((await studio(['library', '--dir', lib, 'search', '--json'])).stdout) as {
      id: string;
      kind: string;
    }[];
    expect(sample!.kind).toBe('wechat');
    const edited = await studio(['library', '--dir', lib, 'edit', sample!.id, '--kind', '海报']);
    expect(edited.stdout).toContain('类型：海报');
  });
});

describe('SIGKILL during import and publish', () => {
  it('leaves a library that checks clean, with every reported import complete', async () => {
    const lib = join(dir, 'killed');
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const reported = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const args = i % 3 === 2 ? ['publish', DESIGN] : ['import', photos];
      const child = spawn(process.execPath, [BIN, 'library', '--dir', lib, ...args], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      const delay = 250 + rand() * 900;
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await new Promise((r) => child.on('close', r));
      clearTimeout(timer);
      for (const m of out.matchAll(/(?:已导入|已发布) ([0-9a-f-]{36})/g)) reported.add(m[1]!);
    }
    const check = await studio(['library', '--dir', lib, 'check']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    for (const id of reported) {
      const show = JSON.parse((await studio(['library', '--dir', lib, 'show', id, '--json'])).stdout) as {
        files: { role: string }[];
      };
      expect(show.files.map((f) => f.role)).toContain('thumbnail');
    }
  }, 60_000);
});
