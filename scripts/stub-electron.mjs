// A stand-in for Electron's unpacked Linux distribution, for packing where Electron's binary cannot
// be downloaded (DESIGN.md §8). electron-builder copies it like the real one; the `electron` file
// is a shell script that refuses to run and carries Electron's fuse wire in the real format, so
// the afterPack hook flips genuine fuse bytes and the packaging test reads them back.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses finds the wire by this sentinel (its constants.js; Electron's fuses.json5). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's default wire, schema version 1: run_as_node 1, cookie_encryption 0, node_options 1,
 * node_cli_inspect 1, embedded_asar_integrity_validation 0, only_load_app_from_asar 0,
 * load_browser_process_specific_v8_snapshot 0, grant_file_protocol_extra_privileges 1.
 */
export const DEFAULT_WIRE = '10110001';

/** Locales a real distribution has; the config keeps zh-CN and en-US, so fr must be dropped. */
export const STUB_LOCALES = ['en-US', 'zh-CN', 'fr'];

/** Writes the stub into `dir` (emptied first) and returns `dir`. */
export function makeStubElectron(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  // Wire layout after the sentinel: version byte, length byte, then one ASCII '0'/'1' per fuse.
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1'),
  ]);
  const script = Buffer.from(
    '#!/bin/sh\necho "stub Electron from scripts/stub-electron.mjs: packaging test only, not runnable" >&2\nexit 1\n# ',
    'utf8',
  );
  const exe = join(dir, 'electron');
  writeFileSync(exe, Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(exe, 0o755);
  for (const l of STUB_LOCALES) writeFileSync(join(dir, 'locales', `${l}.pak`), `stub locale ${l}\n`);
  writeFileSync(join(dir, 'LICENSE'), 'stub Electron distribution (packaging test)\n');
  return dir;
}
