import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The app's root folder (where package.json and templates/ live), found from this module's own
 * location so it works from the TypeScript sources, the compiled dist/ and a packaged app alike.
 */
export function appRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'campaign-studio') {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('campaign-studio: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const templatesDir = (): string => join(appRoot(), 'templates');
