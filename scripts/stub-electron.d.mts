/** Types for scripts/stub-electron.mjs (plain JS so electron-builder's scripts need no build). */
export declare const FUSE_SENTINEL: string;
export declare const DEFAULT_WIRE: string;
export declare const STUB_LOCALES: readonly string[];
export declare function makeStubElectron(dir: string): string;
