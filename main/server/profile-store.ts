import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyProfile, StudioError, systemReason, type UnitProfile } from '../core/index.js';
import { readProfileFile } from '../engine/fill-profile.js';
import { withAtomicFile } from '../node/atomic.js';
import { defaultLibraryDir } from './library-host.js';

/** The unit's details beside the sample library, in the user's data folder (~/反诈物料工作室). */
export const PROFILE_FILE_NAME = '本单位信息.json';

export function defaultProfilePath(libraryDir: string = defaultLibraryDir()): string {
  return join(dirname(libraryDir), PROFILE_FILE_NAME);
}

export interface StoredProfile {
  profile: UnitProfile;
  /** Whether a profile has been saved (otherwise `profile` is the empty one). */
  saved: boolean;
  /** Why the saved file could not be used; it is left as it is until the user saves a new one. */
  problem?: string;
}

/**
 * The stored 本单位信息. Written atomically (temp file, fsync, rename); a file that does not parse
 * is reported (`problem`) and the studio carries on with an empty profile, so every template still
 * opens — but the file is never silently replaced: saving over it first moves it aside.
 */
export class ProfileStore {
  private cached: { key: string; value: StoredProfile } | undefined;

  constructor(readonly path: string) {}

  async load(): Promise<StoredProfile> {
    let key: string;
    try {
      const st = await fs.stat(this.path);
      key = `${st.mtimeMs}|${st.size}`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { profile: emptyProfile(), saved: false };
      return { profile: emptyProfile(), saved: false, problem: `无法读取本单位信息：${systemReason(err)}` };
    }
    if (this.cached?.key === key) return this.cached.value;
    let value: StoredProfile;
    try {
      value = { profile: await readProfileFile(this.path), saved: true };
    } catch (err) {
      const detail = err instanceof StudioError ? [err.message, ...err.details].join('；') : String(err);
      value = {
        profile: emptyProfile(),
        saved: false,
        problem: `本单位信息文件有问题，暂未使用：${detail}。请重新填写并保存（原文件会改名保留）`,
      };
    }
    this.cached = { key, value };
    return value;
  }

  /** The profile to fill designs with: the saved one, or an empty one. */
  async current(): Promise<UnitProfile> {
    return (await this.load()).profile;
  }

  /** Save (replacing the previous one atomically); a bad previous file is kept under another name. */
  async save(profile: UnitProfile): Promise<{ path: string; movedAside?: string }> {
    const before = await this.load();
    await fs.mkdir(dirname(this.path), { recursive: true });
    let movedAside: string | undefined;
    if (before.problem) {
      movedAside = `${this.path}.损坏-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.rename(this.path, movedAside).catch(() => (movedAside = undefined));
    }
    const text = `${JSON.stringify(profile, null, 2)}\n`;
    await withAtomicFile(this.path, async (f) => {
      await fs.writeFile(f.tempPath, text, { flag: 'wx' });
    });
    this.cached = undefined;
    return { path: this.path, ...(movedAside ? { movedAside } : {}) };
  }
}
