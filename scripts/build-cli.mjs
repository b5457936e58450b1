#!/usr/bin/env node
// The CLI as one bundled, minified file (dist/cli.cjs) and its V8 start-up snapshot
// (dist/cli.blob). Loading ~150 modules one by one cost a third of a second of every command's
// start; compiling the bundle and setting up its modules still cost ~0.15 s of CPU, which the
// snapshot does once, here. `npm run build` (and `npm ci`, through prepare) runs this.
import { spawnSync } from 'node:child_process';
import { realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

const common = {
  bundle: true,
  minify: process.env.CS_NO_MINIFY !== '1',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Native or data-heavy packages stay outside: required at run time, only by the commands that use them.
  external: ['sharp', 'pinyin-pro', 'opencc-js', 'better-sqlite3', 'mupdf', 'iconv-lite'],
  alias: { brotli: join(ROOT, 'main/cli/bundle-stubs/brotli') },
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

// The bundle is CommonJS (one file, no loader), so import.meta.url is made from its own path.
const IMPORT_META_URL = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

await build({
  ...common,
  entryPoints: ['main/cli/entry.ts'],
  outfile: join(DIST, 'cli.cjs'),
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: IMPORT_META_URL },
});

// In the snapshot's build, `require` loads Node's built-in modules only; the bundle's requires go
// through __csRequire, which the start-up points at a real one (main/cli/snapshot.ts).
const SNAPSHOT_BANNER = `var __csRequire;
require = ((builtin) => Object.assign((id) => (__csRequire ?? builtin)(id), {
  resolve: (id, o) => (__csRequire ?? builtin).resolve(id, o),
}))(require);
${IMPORT_META_URL}`;
const entry = join(DIST, 'cli-snapshot.cjs');
const blob = join(DIST, 'cli.blob');
const stamp = join(DIST, 'cli.blob.node');
rmSync(blob, { force: true });
rmSync(stamp, { force: true });
// Windows starts the CLI through npm's shims, which run `node FILE`: a blob would go unused there.
if (process.platform === 'win32') process.exit(0);
await build({
  ...common,
  entryPoints: ['main/cli/snapshot.ts'],
  outfile: entry,
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: SNAPSHOT_BANNER },
  // A start from a snapshot has no loader for import(): the packages are required instead. MuPDF
  // (ECMAScript modules only) cannot be, so the launcher sends the commands that may read PDFs to
  // the plain bundle (bin/campaign-studio lists the commands the snapshot serves).
  supported: { 'dynamic-import': false },
});

const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], {
  cwd: ROOT,
  encoding: 'utf8',
  stdio: ['ignore', 'inherit', 'pipe'],
});
rmSync(entry);
// Node 20 warns that its `module` may be out of step after a snapshot; the snapshot uses it only
// to make a require from the bundle's own path at start-up (tested), so that one warning is dropped.
const stderr = made.stderr.replace(
  /\(node:\d+\) Warning: It's not yet fully verified[^]*?--trace-warnings[^\n]*\n/,
  '',
);
process.stderr.write(stderr);
if (made.status !== 0) {
  // Not fatal: the launcher runs the plain bundle without a blob (test/cli/snapshot.test.ts fails).
  console.error(`build-cli: the start-up snapshot could not be made (exit ${made.status}); the CLI runs without it`);
  rmSync(blob, { force: true });
  process.exit(0);
}
// A blob starts only the Node binary that made it, and holds this folder's paths: the launcher
// (bin/campaign-studio) compares this stamp with the node it finds and where it is, and runs the
// plain bundle when they differ (Node upgraded, the app moved or copied to another machine).
const node = realpathSync(process.execPath);
const st = statSync(node);
writeFileSync(stamp, `${realpathSync(DIST)}\n${node} ${st.size} ${Math.floor(st.mtimeMs / 1000)}\n`);
