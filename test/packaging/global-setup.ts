import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Packs once for every test file: `npm run build`, the preload bundle, then electron-builder --dir
 * with the stub Electron (scripts/pack-dir.mjs). PACK_REUSE=1 checks an existing pack instead
 * (handy while editing the tests; the summary's packedAt says how fresh it is).
 */
export default function setup(): void {
  if (process.env.PACK_REUSE === '1' && existsSync(join(root, 'release', 'pack-dir.json'))) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'pack-dir.mjs')], { cwd: root, stdio: 'inherit' });
}
