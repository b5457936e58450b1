// The files electron-builder packs: `npm run build` (dist/ and renderer/dist) plus the preload
// bundle that `npm start` also makes (the sandboxed preload must be one CommonJS file).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args) {
  execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
}

export function buildApp({ skipBuild = false } = {}) {
  if (!skipBuild) run('npm', ['run', '-s', 'build']);
  run(join(ROOT, 'node_modules', '.bin', 'esbuild'), [
    'main/app/preload.ts',
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--external:electron',
    '--outfile=dist/main/app/preload.cjs',
    '--log-level=warning',
  ]);
}
