import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import afterPack from '../../build/after-pack.cjs';
import { DEFAULT_WIRE, FUSE_SENTINEL, makeStubElectron } from '../../scripts/stub-electron.mjs';
import { BINARY } from './packed.js';

const ON = 0x31;
const OFF = 0x30;

/** The hardened wire: what every packaged binary must read back. */
const HARDENED: ReadonlyArray<[FuseV1Options, number]> = [
  [FuseV1Options.RunAsNode, OFF],
  [FuseV1Options.EnableCookieEncryption, ON],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, OFF],
  [FuseV1Options.EnableNodeCliInspectArguments, OFF],
  [FuseV1Options.OnlyLoadAppFromAsar, ON],
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, OFF],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, OFF],
];

const name = (f: FuseV1Options) => FuseV1Options[f];

describe('Electron fuses', () => {
  it('are flipped in the packed Linux binary by the afterPack hook', async () => {
    // The stub started from Electron's defaults; the packed copy must differ where we harden.
    expect(DEFAULT_WIRE[FuseV1Options.RunAsNode]).toBe('1');
    const bytes = readFileSync(BINARY);
    expect(bytes.indexOf(FUSE_SENTINEL)).toBeGreaterThan(0);
    const wire = await getCurrentFuseWire(BINARY);
    expect(wire.version).toBe('1');
    for (const [fuse, want] of HARDENED) expect(wire[fuse], name(fuse)).toBe(want);
    // Linux has no embedded asar-integrity check: the hook leaves the fuse off there.
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(OFF);
  });

  it('turn asar integrity on for a Windows binary (Electron ≥ 30 checks it there)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuses-win-'));
    makeStubElectron(dir);
    const exe = join(dir, 'campaign-studio.exe');
    // A Windows build renames electron.exe; the wire format is the same on every platform.
    renameSync(join(dir, 'electron'), exe);
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'win32',
      arch: 1,
      packager: { appInfo: { productFilename: 'campaign-studio' } },
    });
    const wire = await getCurrentFuseWire(exe);
    for (const [fuse, want] of HARDENED) expect(wire[fuse], name(fuse)).toBe(want);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
  });

  it('stop the build when the binary has no fuse wire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuses-none-'));
    writeFileSync(join(dir, 'campaign-studio'), 'not electron');
    await expect(
      afterPack({
        appOutDir: dir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { executableName: 'campaign-studio', appInfo: { productFilename: 'x' } },
      }),
    ).rejects.toThrow(/sentinel/);
  });
});
