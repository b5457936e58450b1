// electron-builder afterPack hook: harden the packed Electron binary with fuses before it is signed
// or wrapped in an installer. A fuse that cannot be set stops the build: a package that silently
// kept ELECTRON_RUN_AS_NODE would turn the app into a signed Node.js for anyone on the PC.
'use strict';
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** Fuse states on the wire are ASCII '1'/'0' (@electron/fuses keeps its FuseState enum private). */
const ON = 0x31;
const OFF = 0x30;

/** Platforms where Electron checks the asar header hash it embeds (macOS ≥ 16, Windows ≥ 30). */
const ASAR_INTEGRITY_PLATFORMS = new Set(['win32', 'darwin', 'mas']);

/** The fuses for one platform, as @electron/fuses wants them. */
function fusesFor(platform) {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Linux has no embedded-hash check: the fuse would be a no-op there, so it stays off rather
    // than claiming a protection the package does not have.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ASAR_INTEGRITY_PLATFORMS.has(platform),
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is served from app://studio, never file://.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The file that holds the fuse wire in a packed app. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  if (platform === 'linux') return path.join(appOutDir, packager.executableName);
  if (platform === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
}

async function afterPack(context) {
  const platform = context.electronPlatformName;
  const binary = electronBinary(context);
  const config = fusesFor(platform);
  await flipFuses(binary, {
    ...config,
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === 3 /* Arch.arm64 */,
  });
  // Read the wire back: a binary with two wires or an unexpected layout must not pass unnoticed.
  const wire = await getCurrentFuseWire(binary);
  for (const [key, want] of Object.entries(config)) {
    if (key === 'version') continue;
    const got = wire[Number(key)];
    if (got !== (want ? ON : OFF)) {
      throw new Error(
        `afterPack: fuse ${FuseV1Options[Number(key)]} reads ${got} in ${binary}, wanted ${want ? 'on' : 'off'}`,
      );
    }
  }
  console.log(
    `  • fuses set on ${path.basename(binary)} (${platform}): RunAsNode off, NODE_OPTIONS off, inspect off, only app.asar, cookie encryption on, asar integrity ${config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] ? 'on' : 'off (not supported on Linux)'}`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fusesFor = fusesFor;
