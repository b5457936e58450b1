// npm run dist:win / dist:linux — real installers, on a machine that can download Electron (and,
// for native modules, its headers or prebuilt binaries). See docs/packaging.md.
// Extra arguments go to electron-builder: `npm run dist:linux -- --arm64`.
import { join } from 'node:path';
import { buildApp, ROOT, run } from './build-app.mjs';

const [platform, ...rest] = process.argv.slice(2);
if (platform !== '--win' && platform !== '--linux') {
  console.error('usage: node scripts/dist.mjs --win|--linux [electron-builder options]');
  process.exit(2);
}
buildApp();
run(join(ROOT, 'node_modules', '.bin', 'electron-builder'), [platform, '--publish', 'never', ...rest]);
