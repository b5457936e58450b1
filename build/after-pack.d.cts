/** Types for build/after-pack.cjs (plain CommonJS: electron-builder requires it as it is). */
import type { FuseV1Config } from '@electron/fuses';

export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

declare function afterPack(context: AfterPackContextLike): Promise<void>;
declare namespace afterPack {
  function fusesFor(platform: string): FuseV1Config;
}
export = afterPack;
