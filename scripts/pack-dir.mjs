// npm run pack:dir — pack the desktop app for Linux x64 into release/linux-unpacked, offline.
// Electron's binary cannot be downloaded here (DESIGN.md §8), so electron-builder gets a stub
// distribution (scripts/stub-electron.mjs) and does not rebuild native modules; everything else is
// the real electron-builder.yml. `--no-build` reuses dist/ and renderer/dist as they are.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builder from 'electron-builder';
import { buildApp, ROOT as root } from './build-app.mjs';
import { makeStubElectron } from './stub-electron.mjs';

const PACK_DIR = join(root, 'release', 'linux-unpacked');
const SUMMARY = join(root, 'release', 'pack-dir.json');

function treeBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? treeBytes(p) : statSync(p).size;
  }
  return n;
}

const started = Date.now();
buildApp({ skipBuild: process.argv.includes('--no-build') });

const stub = makeStubElectron(join(root, 'build', '.stub-electron', 'linux-x64'));
const packStarted = Date.now();
await builder.build({
  projectDir: root,
  targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
  publish: 'never',
  config: { electronDist: stub, npmRebuild: false },
});
const summary = {
  dir: PACK_DIR,
  bytes: treeBytes(PACK_DIR),
  packSeconds: Math.round((Date.now() - packStarted) / 100) / 10,
  totalSeconds: Math.round((Date.now() - started) / 100) / 10,
  packedAt: new Date().toISOString(),
};
writeFileSync(SUMMARY, JSON.stringify(summary, null, 2) + '\n');
console.log(
  `pack:dir: ${PACK_DIR} — ${(summary.bytes / 1e6).toFixed(1)} MB; electron-builder ${summary.packSeconds} s, with build ${summary.totalSeconds} s`,
);
