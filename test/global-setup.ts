import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(import.meta.dirname, '.out');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The job service's worker, bundled from the sources for this run. */
    workerFile: string;
    /** `npm run serve`'s entry, bundled from the sources for this run. */
    serveFile: string;
  }
}

/** Node entries bundled from the sources, so no test runs a stale dist/ (Node 20 cannot start a .ts worker). */
async function bundle(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    packages: 'external',
    // The bundle lives in test/.out, not beside the sources: paths of the app are found from the cwd.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/**
 * Test outputs go to test/.out (git-ignored) so a failing run leaves its files to look at. The CLI
 * tests run the real bin, whose bundle (dist/cli.cjs) is made again here from the sources, and the
 * worker and serve tests get their entries bundled from the sources too. The word dictionary the
 * line breaker reads is a build product (dist/dict/words.bin): made here too, so `npx vitest run`
 * works before `npm run build` (it is skipped when already up to date).
 */
export default async function setup(project: TestProject): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-dict.mjs')], { stdio: 'inherit' });
  execFileSync('npm', ['run', '-s', 'bundle'], { cwd: ROOT, stdio: 'inherit' });
  project.provide('workerFile', await bundle('main/server/jobs/worker.ts', join(OUT, 'bundles', 'worker.mjs')));
  project.provide('serveFile', await bundle('main/server/serve.ts', join(OUT, 'bundles', 'serve.mjs')));
}
