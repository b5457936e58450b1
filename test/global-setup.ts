import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Test outputs go to test/.out (git-ignored) so a failing run leaves its files to look at. */
export default function setup(): void {
  mkdirSync(join(import.meta.dirname, '.out'), { recursive: true });
}
