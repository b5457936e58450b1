#!/usr/bin/env node
// The CLI runs one bundled, minified file (dist/cli.cjs): loading ~150 modules one by one cost
// a third of a second of every command's start-up. `npm ci` builds it (the prepare script).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const bundle = new URL('../dist/cli.cjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('campaign-studio: 尚未编译，请先运行 npm run build\n');
  process.exit(70);
}
createRequire(import.meta.url)(bundle.pathname);
