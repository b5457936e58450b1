import asar from '@electron/asar';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/pack-dir.mjs leaves the package, and how to read it. */
export const ROOT = join(import.meta.dirname, '..', '..');
export const APP_OUT = join(ROOT, 'release', 'linux-unpacked');
export const RESOURCES = join(APP_OUT, 'resources');
export const ASAR = join(RESOURCES, 'app.asar');
export const UNPACKED = join(RESOURCES, 'app.asar.unpacked');
export const BINARY = join(APP_OUT, 'campaign-studio');

export interface PackSummary {
  bytes: number;
  packSeconds: number;
  totalSeconds: number;
  packedAt: string;
}

export function packSummary(): PackSummary {
  return JSON.parse(readFileSync(join(ROOT, 'release', 'pack-dir.json'), 'utf8')) as PackSummary;
}

/** Every path in app.asar, relative and with forward slashes ("dist/main/app/main.js"). */
export function asarEntries(): Set<string> {
  return new Set(asar.listPackage(ASAR, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, '')));
}

/** Whether an asar entry's bytes live in app.asar.unpacked (what asarUnpack and .node files get). */
export function isUnpacked(entry: string): boolean {
  const s = asar.statFile(ASAR, entry, false) as { unpacked?: boolean };
  return s.unpacked === true;
}

/** A file as the packaged app reads it: from the archive, or from app.asar.unpacked. */
export function readPacked(entry: string): Buffer {
  return isUnpacked(entry) ? readFileSync(join(UNPACKED, entry)) : asar.extractFile(ASAR, entry);
}

export function treeBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? treeBytes(p) : statSync(p).size;
  }
  return n;
}
