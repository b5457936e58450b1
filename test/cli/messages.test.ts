import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_SUBCOMMANDS } from '../../main/cli/commands/library.js';
import { studio, type CliResult } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';
import { SANMING_PROFILE_FILE as PROFILE } from '../helpers/profile.js';

/*
 * Issue #11 §2: every CLI message is Chinese and says what to do. Usage mistakes exit 2 (the same
 * kind of mistake, the same code), bad content exits 1, and neither shows Node's, libvips' or
 * V8's English, an OS error line, or a binary file's bytes. The originals go to the debug log.
 */

const dir = join(OUT_DIR, 'cli-messages');
const p = (name: string) => join(dir, name);
const LOG = p('debug.log');
const run = (args: string[]) => studio(args, { env: { CAMPAIGN_STUDIO_LOG: LOG } });

/** Words a Chinese message may carry: command and option words, formats, units, ids in （…）. */
const ALLOWED = new Set(
  (
    'campaign-studio help pdf png jpeg jpg webp tiff svg csv xlsx json zip dpi cmyk rgb yyyy-mm-dd yyyy-mm excel wps a4 a3 ' +
    'userunit scale traditional simplified relevance date title csdesign library templates render preflight batch ' +
    'fonts formats contact-sheet slogan slogans convert check suggest list team ' +
    'impose kit market grid order sra3 cutcontour ' +
    LIBRARY_SUBCOMMANDS.join(' ')
  ).split(/\s+/),
);

/** What is left of a message once option names, echoed input, paths and the allowed words are taken out. */
export function englishFragments(text: string): string[] {
  const stripped = text
    .replace(/「[^」]*」/g, ' ') // the user's own input, echoed
    .replace(/（[a-z0-9-]+）/g, ' ') // ids beside their Chinese names: 横幅（banner）
    .replace(/--[a-z0-9-]+(=\S*)?/g, ' ')
    .replace(/\S*[\\/]\S*/g, ' ') // paths
    .replace(/[^\s「」（）：，、；]+\.(csv|xlsx|xls|png|jpe?g|webp|tiff?|pdf|zip|json|csdesign|log|txt)\b/gi, ' ') // file names
    .replace(/\b[a-z]+=/g, ' '); // slogan=… in an example
  return (stripped.match(/[A-Za-z][A-Za-z0-9-]+/g) ?? []).filter(
    (w) => !ALLOWED.has(w.toLowerCase()) && !/^[a-z]+(-[a-z0-9]+)+$/.test(w), // template ids: poster-a2-red
  );
}

/** Run in small parallel groups: a few dozen CLI starts on two cores. */
async function runAll(cases: string[][], width = 3): Promise<CliResult[]> {
  const out: CliResult[] = [];
  for (let i = 0; i < cases.length; i += width) out.push(...(await Promise.all(cases.slice(i, i + width).map(run))));
  return out;
}

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(p('派出所.csv'), '单位,标语\n城关派出所,白菜青菜油麦菜、莫给骗子当韭菜\n');
});

const T = ['--template', 'poster-a2-red'];
const LIB = ['library', '--dir', p('lib')];
/** Every kind of usage mistake the CLI knows (its usage-error catalogue, exercised). */
const USAGE: string[][] = [
  ['frob'],
  ['templates', 'extra'],
  ['templates', '--json=1'],
  ['render', '--colour'],
  ['render', ...T],
  ['render', '--out', 'x.pdf'],
  ['render', ...T, '--design', 'a.csdesign', '--out', 'x.pdf'],
  ['render', ...T, '--out', 'x.png', '--dpi', 'abc'],
  ['render', ...T, '--out', 'x.png', '--dpi', '0'],
  ['render', ...T, '--out', 'x.png', '--dpi'],
  ['render', ...T, '--out', 'x.png', '--width', '0'],
  ['render', ...T, '--out', 'x.png', '--dpi', '150', '--width', '100'],
  ['render', ...T, '--out', 'x.doc', '--format', 'doc'],
  ['render', ...T, '--out', 'x.pdf', '--large-page', 'huge'],
  ['render', ...T, '--out', 'x.pdf', '--tile', 'a5'],
  ['render', ...T, '--out', 'x.pdf', '--overlap', '5'],
  ['render', ...T, '--out', 'x.pdf', '--cmyk', '--rgb'],
  ['render', ...T, '--out', 'x.pdf', '--bleed', '--no-bleed'],
  ['render', ...T, '--out', 'x.pdf', '--set', 'slogan'],
  ['preflight', '--set', 'slogan=白菜'],
  ['batch', ...T],
  ['batch', ...T, '--data', 'a.csv'],
  ['batch', ...T, '--data', 'a.csv', '--out', 'o', '--format', 'doc'],
  ['batch', ...T, '--data', 'a.csv', '--out', 'o', '--single-pdf', '--format', 'png'],
  ['batch', ...T, '--data', 'a.csv', '--out', 'o', '--dpi', '150'],
  ['batch', ...T, '--data', 'a.csv', '--out', 'o', '--format', 'png', '--dpi', 'x'],
  ['contact-sheet'],
  ['contact-sheet', '--out', 'a.png', '--columns', '0'],
  ['contact-sheet', '--out', 'a.png', '--cell', '50'],
  ['slogan'],
  ['slogan', 'check'],
  ['slogan', 'suggest'],
  ['slogan', 'suggest', '--goods', '玉米地'],
  ['slogan', 'suggest', '--goods', 'fish', '--fraud-type', '电信'],
  ['slogan', 'suggest', '--goods', 'fish', '--count', '0'],
  ['slogans'],
  ['slogans', 'list', '--goods', 'x'],
  ['convert'],
  ['convert', '--text', '白菜', '--to', 'klingon'],
  ['library'],
  [...LIB],
  [...LIB, 'frob'],
  [...LIB, 'import'],
  [...LIB, 'import', 'a.png', '--kind', '海'],
  [...LIB, 'import', 'a.png', '--fraud-type', '电信'],
  [...LIB, 'import', 'a.png', '--date', '2025/1/1'],
  [...LIB, 'publish'],
  [...LIB, 'search', '--limit', '0'],
  [...LIB, 'search', '--sort', 'size'],
  [...LIB, 'search', '--from', '2025/1'],
  [...LIB, 'show'],
  [...LIB, 'edit'],
  [...LIB, 'trash'],
  [...LIB, 'duplicate', 'abc'],
  [...LIB, 'export'],
  [...LIB, 'import-bundle'],
  [...LIB, 'backup'],
  [...LIB, 'restore'],
];

describe('the usage-error catalogue', () => {
  it(
    `every one of ${USAGE.length} usage mistakes exits 2 with Chinese that says what to do, no English fragments`,
    { timeout: 180_000 },
    async () => {
      const results = await runAll(USAGE);
      const bad: string[] = [];
      results.forEach((r, i) => {
        const args = USAGE[i]!.join(' ');
        const lines = r.stderr.trim().split('\n');
        if (r.code !== 2) bad.push(`${args}: exit ${r.code}: ${r.stderr}`);
        else if (!lines[0]!.startsWith('用法错误：')) bad.push(`${args}: ${r.stderr}`);
        else if (lines.at(-1) !== '运行 campaign-studio help 查看用法') bad.push(`${args}: no hint: ${r.stderr}`);
        const english = englishFragments(r.stderr);
        if (english.length) bad.push(`${args}: English ${JSON.stringify(english)} in ${r.stderr}`);
        if (r.stdout !== '') bad.push(`${args}: stdout ${r.stdout}`);
      });
      expect(bad).toEqual([]);
    },
  );

  it('the detector sees what it must', () => {
    expect(englishFragments("用法错误：Unknown option '--colour'")).toEqual(['Unknown', 'option']);
    expect(englishFragments("错误：ENOENT: no such file or directory, stat 'a.json'")).toContain('ENOENT');
    expect(englishFragments('错误：vips2png: unable to write to target')).toContain('vips2png');
    expect(englishFragments('用法错误：--dpi 应为 1 到 2400 dpi 之间的数，收到「abc」')).toEqual([]);
  });
});

describe('content errors', () => {
  const fails = async (args: string[], ...needles: (string | RegExp)[]) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^错误：/);
    for (const n of needles) expect(r.stderr).toMatch(n);
    expect(englishFragments(r.stderr), r.stderr).toEqual([]);
    return r;
  };

  it('say what is wrong in Chinese; the originals go to the debug log', async () => {
    rmSync(LOG, { force: true });
    await fails(['render', '--design', p('missing.csdesign'), '--out', p('x.pdf')], '找不到这个文件');
    expect(readFileSync(LOG, 'utf8')).toMatch(/ENOENT/);
    await fails(
      ['render', ...T, '--profile', PROFILE, '--out', p('no/such/dir/x.pdf')],
      /文件夹 .*no\/such\/dir 不存在/,
    );
    await fails(['batch', ...T, '--data', p('missing.csv'), '--out', p('o')], '找不到这个文件');
    await fails([...LIB, 'import', p('nothing-here')], '找不到');
  });

  it('never echoes a binary file picked by mistake', async () => {
    const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 0x90)]);
    writeFileSync(p('program.csdesign'), binary);
    const r = await fails(['render', '--design', p('program.csdesign'), '--out', p('x.pdf')], '不是文本文件');
    expect(r.stderr).not.toMatch(/ELF|Unexpected|\u0000/);
  });

  it('a design nested ten million deep is refused at once, not parsed', async () => {
    writeFileSync(p('deep.csdesign'), '['.repeat(10_000_000) + ']'.repeat(10_000_000));
    const t0 = Date.now();
    await fails(['render', '--design', p('deep.csdesign'), '--out', p('x.pdf')], '嵌套层数过多（超过 64 层）');
    console.log(`[messages] 20 MB design file nested 10⁷ deep refused by the CLI in ${Date.now() - t0} ms`);
  });

  it('an image too large is "too large", with its pixel count and the limit', async () => {
    // 10,000 × 9,000 px of one colour: a small file, 90 megapixels.
    await sharp({ create: { width: 10_000, height: 9_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toFile(p('huge.png'));
    const design = {
      schema: 'campaign-studio/design',
      version: 1,
      format: { widthMm: 100, heightMm: 100 },
      elements: [{ id: 'photo', slot: 'photo', type: 'image', box: { x: 0, y: 0, w: 100, h: 100 } }],
    };
    writeFileSync(p('photo.csdesign'), JSON.stringify(design));
    const r = await fails(
      ['render', '--design', p('photo.csdesign'), '--set', `photo=${p('huge.png')}`, '--out', p('x.png')],
      '图片「photo-image」太大：10000×9000 像素，共 9000 万像素，上限 8000 万像素',
    );
    expect(r.stderr).not.toMatch(/损坏|exceeds/);
  });
});

describe('help', () => {
  it('lists every library subcommand, including each one the user guide uses', async () => {
    const r = await run(['help']);
    expect(r.code).toBe(0);
    for (const sub of LIBRARY_SUBCOMMANDS) expect(r.stdout).toMatch(new RegExp(`(^\\s+|\\| )${sub} `, 'm'));
    const guide = readFileSync(new URL('../../docs/user-guide.md', import.meta.url), 'utf8');
    const used = [...guide.matchAll(/campaign-studio library --dir "[^"]*" ([a-z-]+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(3);
    for (const sub of used) expect(LIBRARY_SUBCOMMANDS).toContain(sub);
    // The studio's commands (the team library's own lines, docs/team.md, list its English subcommand words).
    const studioPart = r.stdout.slice(0, r.stdout.indexOf('campaign-studio team-server'));
    expect(englishFragments(studioPart.replace(/\[[^\]]*\]/g, ''))).toEqual([]);
  });

  it('calls the library 素材库, as the studio and the guide do', async () => {
    const r = await run(['help']);
    expect(r.stdout).toContain('素材库');
    expect(r.stdout).not.toContain('样本库');
    // The guide names the old folder once, to say it still opens.
    const guide = readFileSync(new URL('../../docs/user-guide.md', import.meta.url), 'utf8').split('\n');
    expect(guide.filter((l) => l.includes('样本库') && !l.startsWith('以前的版本'))).toEqual([]);
  });
});
