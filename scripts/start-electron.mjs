// Electron's binary for npm start (scripts/start.mjs): where it is, whether it can be fetched now.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build-app.mjs';

export const ELECTRON = join(ROOT, 'node_modules', 'electron');
export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
/** How long the download site may take to answer before we stop waiting for it. */
export const PROBE_MS = 5000;

export const version = () => JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8')).version;

/** Electron's executable as its own index.js finds it, or null when it was never downloaded. */
export function electronBinary() {
  try {
    const rel = readFileSync(join(ELECTRON, 'path.txt'), 'utf8');
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(ELECTRON, 'dist');
    const bin = join(dist, rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Where @electron/get downloads from (ELECTRON_MIRROR, or npm's electron_mirror setting). */
export function downloadSite() {
  return process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || DEFAULT_MIRROR;
}

/** Whether @electron/get's cache already holds this version's zip (then no network is needed). */
export function cachedZip() {
  const name = `electron-v${version()}-${process.platform}-${process.arch}.zip`;
  const roots = [
    process.env.electron_config_cache,
    process.platform === 'win32'
      ? join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches', 'electron')
        : join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron'),
  ].filter(Boolean);
  for (const root of roots) {
    if (existsSync(join(root, name))) return true;
    try {
      for (const d of readdirSync(root)) if (existsSync(join(root, d, name))) return true;
    } catch {
      // No cache folder.
    }
  }
  return false;
}

/** Whether the site answers at all (any HTTP status) within `ms`: DNS, connection and TLS included. */
export function answers(url, ms = PROBE_MS) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), ms);
    let req;
    try {
      req = request(url, { method: 'HEAD' }, () => finish(true));
    } catch {
      clearTimeout(timer);
      return resolve(false);
    }
    req.on('error', () => finish(false));
    req.end();
  });
}

/** Run Electron's own install step (download, checksum, unzip); its output is kept for the log. */
export function installElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ELECTRON, 'install.js')], {
      cwd: ELECTRON,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ ok: false, output: String(e) }));
    child.on('close', (code) => resolve({ ok: code === 0 && electronBinary() !== null, output }));
  });
}
