import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  pidAlive,
  privateTempDir,
  resetOutputSweep,
  sweepStaleOutputTemps,
  sweepStaleTempDirs,
} from '../../main/node/temp-files.js';
import { createStudioContext } from '../../main/server/context.js';
import { OUT_DIR } from '../helpers/designs.js';

/** The id of a process that has exited (ids are not reused at once). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(r.stdout);
  expect(pidAlive(pid)).toBe(false);
  return pid;
}
const twoDaysAgo = () => (Date.now() - 2 * 24 * 3600_000) / 1000;

const root = join(OUT_DIR, 'temp-sweep');
beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  resetOutputSweep();
});

describe('sweeping what killed processes left', () => {
  it('removes the private temp folders of dead processes, and only those', () => {
    const dead = deadPid();
    const live = process.ppid;
    const dir = (name: string, old = false) => {
      const p = join(root, name);
      mkdirSync(p);
      writeFileSync(join(p, '派出所.csv'), '单位\n城关派出所\n');
      if (old) utimesSync(p, twoDaysAgo(), twoDaysAgo());
      return p;
    };
    const gone = [dir(`campaign-studio-exports-${dead}-Ab3xYz`), dir(`campaign-studio-uploads-${dead}-q0Q9zz`)];
    const legacyOld = dir('campaign-studio-uploads-AbCdEf', true);
    gone.push(legacyOld);
    const kept = [
      dir(`campaign-studio-exports-${live}-Ab3xYz`, true), // alive, however old
      dir(`campaign-studio-batches-${process.pid}-Ab3xYz`),
      dir('campaign-studio-exports-AbCdEf'), // no pid, fresh: may belong to a running older version
      dir(`campaign-studio-notes-${dead}-Ab3xYz`, true), // not one of ours
      dir(`campaign-studio-uploads-${dead}-Ab3xYz-extra`, true),
      dir('something-else', true),
    ];
    writeFileSync(join(root, `campaign-studio-uploads-${dead}-fileXX`), 'a file, not our folder');
    const removed = sweepStaleTempDirs(root);
    expect(removed.sort()).toEqual(gone.sort());
    for (const p of gone) expect(existsSync(p)).toBe(false);
    for (const p of kept) expect(existsSync(join(p, '派出所.csv'))).toBe(true);
    expect(existsSync(join(root, `campaign-studio-uploads-${dead}-fileXX`))).toBe(true);
  });

  it('names new temp folders with the owner pid, so they can be swept', () => {
    const d = privateTempDir('uploads', root);
    expect(d).toMatch(new RegExp(`campaign-studio-uploads-${process.pid}-[A-Za-z0-9]{6}$`));
    expect(sweepStaleTempDirs(root)).toEqual([]);
  });

  it("removes an output folder's temp files of dead (or day-old) renders, never anything else", () => {
    const dead = deadPid();
    const live = process.ppid;
    const file = (name: string, old = false) => {
      const p = join(root, name);
      writeFileSync(p, 'x');
      if (old) utimesSync(p, twoDaysAgo(), twoDaysAgo());
      return name;
    };
    const gone = [file(`.海报.png.tmp-${dead}-0123abcd`), file(`.横幅.pdf.tmp-${live}-89abcdef`, true)];
    const kept = [
      file(`.横幅.pdf.tmp-${live}-0123abcd`), // a render running now
      file(`.横幅.pdf.tmp-${process.pid}-0123abcd`, true), // ours
      file('海报.png', true),
      file(`海报.png.tmp-${dead}-0123abcd`, true), // no leading dot: not our pattern
      file(`.海报.png.tmp-${dead}-0123ABCD`, true),
      file(`.notes.tmp-${dead}`, true),
    ];
    mkdirSync(join(root, `.dir.tmp-${dead}-0123abcd`));
    expect(
      sweepStaleOutputTemps(root)
        .map((p) => p.slice(root.length + 1))
        .sort(),
    ).toEqual(gone.sort());
    expect(readdirSync(root).sort()).toEqual([...kept, `.dir.tmp-${dead}-0123abcd`].sort());
  });

  it('the studio sweeps a dead server’s uploads when it starts', async () => {
    const stale = join(tmpdir(), `campaign-studio-uploads-${deadPid()}-zZ9yY8`);
    mkdirSync(join(stale, 'abc'), { recursive: true });
    writeFileSync(join(stale, 'abc', '派出所名单.xlsx'), 'PK');
    const ctx = createStudioContext({ jobs: { workerFile: null }, libraryDir: join(root, 'lib') });
    try {
      expect(existsSync(stale)).toBe(false);
    } finally {
      await ctx.close();
    }
  });
});
