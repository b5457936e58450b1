import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess, studio, type CliResult } from '../helpers/cli.js';

/*
 * The CLI's start-up snapshot (dist/cli.blob, main/cli/snapshot.ts) and its POSIX launcher
 * (bin/campaign-studio): the short commands start from the blob, give the same results as the
 * plain bundle, and the launcher runs the bundle whenever the blob may not fit.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const HOOK = resolve(import.meta.dirname, 'fixtures/record-start.cjs');
const PEER = join(ROOT, 'bench/peer-poster.json');
const PROFILE = join(ROOT, 'test/fixtures/profile/sanming-liedong.json');
const out = mkdtempSync(join(tmpdir(), 'cs-snapshot-'));

async function started(
  args: string[],
  env: Record<string, string> = {},
  bin?: string,
): Promise<CliResult & { start: string }> {
  const r = bin
    ? await runProcess(bin, args, { env: { NODE_OPTIONS: `--require ${HOOK}`, ...env } })
    : await studio(args, { start: 'launcher', env: { NODE_OPTIONS: `--require ${HOOK}`, ...env } });
  return { ...r, start: /start: (\w+)\n/.exec(r.stderr)?.[1] ?? '?' };
}

/** A PDF without what differs between any two runs: its dates (Info and XMP) and file identifier. */
const stable = (file: string): string =>
  readFileSync(file, 'latin1')
    .replace(/\(D:\d{14}[^)]*\)/g, '(D:)')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, 'T')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID []');

describe.skipIf(process.platform === 'win32')('CLI start-up snapshot', () => {
  it('the build made a blob, and a render starts from it', async () => {
    const r = await started(['render', '--design', PEER, '--out', join(out, 'a.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.start).toBe('snapshot');
  });

  it('renders the same PDF and PNG as the plain bundle', async () => {
    for (const ext of ['pdf', 'png']) {
      const args = (f: string): string[] => [
        'render',
        '--template',
        'poster-a2-red',
        '--profile',
        PROFILE,
        '--width',
        '300',
        '--out',
        f,
      ];
      const [snap, plain] = [join(out, `snap.${ext}`), join(out, `plain.${ext}`)];
      const a = await started(args(snap));
      const b = await studio(args(plain), { start: 'bundle' });
      expect([a.code, a.start, b.code], a.stderr + b.stderr).toEqual([0, 'snapshot', 0]);
      expect(a.stdout.replace(snap, '')).toBe(b.stdout.replace(plain, ''));
      if (ext === 'pdf') expect(stable(snap)).toBe(stable(plain));
      else expect(readFileSync(snap).equals(readFileSync(plain))).toBe(true);
    }
  });

  it('keeps the exit codes and Chinese messages: usage 2, template sample 3', async () => {
    const usage = await started(['render', '--design', PEER]);
    expect([usage.code, usage.start]).toEqual([2, 'snapshot']);
    expect(usage.stderr).toMatch(/需要 --out 输出文件/);
    const sample = await started(['render', '--template', 'poster-a2-red', '--out', join(out, 's.pdf')]);
    expect([sample.code, sample.start]).toEqual([3, 'snapshot']);
    expect(sample.stderr).toMatch(/示例|样稿/);
    const help = await started(['help']);
    expect([help.code, help.start]).toEqual([0, 'snapshot']);
    expect(help.stdout).toMatch(/反诈物料工作室 命令行/);
  });

  it('loads at run time what the blob cannot hold: font files, sharp, the rhyme engine', async () => {
    const png = await started([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      PROFILE,
      '--set',
      'slogan=白菜青菜油麦菜、莫给骗子当韭菜',
      '--width',
      '200',
      '--out',
      join(out, 'b.png'),
    ]);
    expect([png.code, png.start], png.stderr).toEqual([0, 'snapshot']);
    const rhyme = await started(['slogan', 'check', '白菜青菜油麦菜、莫给骗子当韭菜', '--json']);
    expect([rhyme.code, rhyme.start], rhyme.stderr).toEqual([0, 'snapshot']);
    expect(JSON.parse(rhyme.stdout)).toMatchObject({
      rhyme: 'same-character',
      ends: [{ pinyin: 'cai' }, { pinyin: 'cai' }],
    });
  });

  it('long commands and CAMPAIGN_STUDIO_NO_SNAPSHOT=1 run the plain bundle', async () => {
    const lib = await started(['library', '--dir', join(out, 'lib'), 'stats', '--json']);
    expect([lib.code, lib.start], lib.stderr).toEqual([0, 'bundle']);
    const off = await started(['templates', '--json'], { CAMPAIGN_STUDIO_NO_SNAPSHOT: '1' });
    expect([off.code, off.start]).toEqual([0, 'bundle']);
  });

  it('a blob built for another folder or another Node is not used: the bundle runs instead', async () => {
    // The app copied elsewhere (as to another machine): its files, and the blob with its stamp.
    const app = mkdtempSync(join(tmpdir(), 'cs-moved-'));
    for (const d of ['bin', 'dist']) mkdirSync(join(app, d));
    for (const f of [
      'bin/campaign-studio',
      'bin/campaign-studio.js',
      'dist/cli.cjs',
      'dist/cli.blob',
      'dist/cli.blob.node',
    ])
      copyFileSync(join(ROOT, f), join(app, f));
    for (const f of ['package.json', 'templates', 'node_modules', 'dist/dict'])
      symlinkSync(join(ROOT, f), join(app, f));
    const bin = join(app, 'bin', 'campaign-studio');
    const moved = await started(['render', '--design', PEER, '--out', join(out, 'm.pdf')], {}, bin);
    expect([moved.code, moved.start], moved.stderr).toEqual([0, 'bundle']);
    // Built here, but by another Node binary.
    const [, node] = readFileSync(join(ROOT, 'dist/cli.blob.node'), 'utf8').split('\n');
    writeFileSync(join(app, 'dist/cli.blob.node'), `${join(app, 'dist')}\n${node!.replace(/ \d+ /, ' 1 ')}\n`);
    const other = await started(['render', '--design', PEER, '--out', join(out, 'n.pdf')], {}, bin);
    expect([other.code, other.start], other.stderr).toEqual([0, 'bundle']);
    // The same stamp with the right Node does start from the blob: the two checks above are what refused it.
    writeFileSync(join(app, 'dist/cli.blob.node'), `${join(app, 'dist')}\n${node}\n`);
    const same = await started(['templates', '--json'], {}, bin);
    expect([same.code, same.start], same.stderr).toEqual([0, 'snapshot']);
  });
});
