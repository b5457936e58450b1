// The files electron-builder packs: `npm run build` (dist/ and renderer/dist) plus the preload
// bundle that `npm start` also makes (the sandboxed preload must be one CommonJS file).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args) {
  execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
}

/** npm itself: through its own CLI file when npm started us (Windows has npm.cmd, no `npm` to exec). */
export function npm(args) {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) run(process.execPath, [cli, ...args]);
  else execFileSync('npm', args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
}

export function buildApp({ skipBuild = false } = {}) {
  if (!skipBuild) npm(['run', '-s', 'build']);
  buildSync({
    entryPoints: [join(ROOT, 'main/app/preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    outfile: join(ROOT, 'dist/main/app/preload.cjs'),
    logLevel: 'warning',
  });
}
