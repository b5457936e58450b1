import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test outputs go to test/.out (git-ignored) so a failing run leaves its files to look at. The
 * word dictionary the line breaker reads is a build product (dist/dict/words.bin): made here too,
 * so `npx vitest run` works before `npm run build` (it is skipped when already up to date).
 */
export default function setup(): void {
  mkdirSync(join(import.meta.dirname, '.out'), { recursive: true });
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-dict.mjs')], { stdio: 'inherit' });
}
