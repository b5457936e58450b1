import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studio, type CliStart } from '../helpers/cli.js';

/* A short CLI job loads only what it uses: start-up is most of a PDF's time (docs/benchmarks.md). */

const HOOK = resolve(import.meta.dirname, 'fixtures/record-loads.cjs');
const PEER = resolve(import.meta.dirname, '../../bench/peer-poster.json');
const out = mkdtempSync(join(tmpdir(), 'cs-startup-'));

async function loadedBy(args: string[], start: CliStart): Promise<string[]> {
  const r = await studio(args, { start, env: { NODE_OPTIONS: `--require ${HOOK}` } });
  expect(r.code, r.stderr).toBe(0);
  return /loaded: (.*)\n/.exec(r.stderr)![1]!.split(',').filter(Boolean);
}

// Both starts: the plain bundle (the package's bin, Windows) and the launcher's snapshot.
const STARTS: CliStart[] = process.platform === 'win32' ? ['bundle'] : ['bundle', 'launcher'];

describe.each(STARTS)('CLI start-up (%s)', (start) => {
  it('a PDF render loads neither the pinyin dictionary, nor sharp, nor SQLite', async () => {
    expect(await loadedBy(['render', '--design', PEER, '--out', join(out, 'a.pdf')], start)).toEqual([]);
  });

  it('a PNG render loads sharp and still no pinyin dictionary', async () => {
    expect(await loadedBy(['render', '--design', PEER, '--width', '200', '--out', join(out, 'a.png')], start)).toEqual([
      'sharp',
    ]);
  });
});
