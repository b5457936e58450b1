import { promises as fs } from 'node:fs';

import { DESIGN_JSON_LIMITS, parseJsonWithin } from '../core/json-limits.js';
import { parseOrThrow, StudioError } from '../core/index.js';
import { fsyncFile, storeError } from './blobs.js';
import { BundleManifestSchema, type BundleSample } from './bundle-manifest.js';
import type { Library, StoredFile } from './library.js';
import { DEFAULT_LIMITS, extractZip, type ZipLimits } from './zip-read.js';

export interface BundleImportResult {
  added: string[];
  /** Samples already here: the same id, or the same original/design content. */
  skipped: string[];
}

/**
 * Import a bundle: extract into a staging folder with every safety check, verify each file's hash
 * against the manifest, and only then move the new files in and commit every new sample in one
 * transaction. Any problem leaves the library exactly as it was.
 */
export async function importBundle(
  lib: Library,
  zipPath: string,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<BundleImportResult> {
  const staging = lib.blobs.tempPath('bundle');
  await fs.mkdir(staging, { recursive: true });
  try {
    const entries = await extractZip(zipPath, staging, limits);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const m = byName.get('manifest.json');
    if (!m) throw new StudioError('invalid-input', `${zipPath} 不是样本文件包（缺少 manifest.json），未导入任何内容`);
    let json: unknown;
    try {
      json = parseJsonWithin(await fs.readFile(m.path, 'utf8'), DESIGN_JSON_LIMITS, `文件包 ${zipPath} 的清单`);
    } catch (e) {
      if (!(e instanceof StudioError)) throw e;
      throw new StudioError('invalid-input', `${e.message}，未导入任何内容`, e.details, { cause: e });
    }
    const manifest = parseOrThrow(BundleManifestSchema, json, `文件包 ${zipPath} 的清单`);
    const referenced = new Set(['manifest.json']);
    for (const s of manifest.samples) {
      for (const f of s.files) {
        const e = byName.get(f.path);
        if (!e) throw new StudioError('invalid-input', `文件包不完整：缺少「${f.path}」，未导入任何内容`);
        if (e.sha256 !== f.sha256 || e.size !== f.size)
          throw new StudioError('invalid-input', `文件包中「${f.path}」的摘要不符，文件已损坏或被改动，未导入任何内容`);
        referenced.add(f.path);
      }
    }
    const extra = entries.filter((e) => !referenced.has(e.name));
    if (extra.length)
      throw new StudioError('invalid-input', `文件包含清单之外的文件「${extra[0]!.name}」，未导入任何内容`);

    const result: BundleImportResult = { added: [], skipped: [] };
    const toAdd: BundleSample[] = [];
    const ids = new Set<string>();
    for (const s of manifest.samples) {
      const primary = s.files.find((f) => f.role === 'original') ?? s.files.find((f) => f.role === 'design');
      const dup = ids.has(s.id) || lib.get(s.id) || (primary && lib.findByFile(primary.sha256, primary.role));
      if (dup) result.skipped.push(s.id);
      else toAdd.push(s);
      ids.add(s.id);
    }
    try {
      for (const s of toAdd) {
        for (const f of s.files) {
          if (await lib.blobs.has(f.sha256)) continue;
          const e = byName.get(f.path)!;
          await fsyncFile(e.path);
          await lib.blobs.moveIn(e.path, f.sha256);
          byName.set(f.path, { ...e, path: lib.blobs.path(f.sha256) });
        }
      }
    } catch (e) {
      throw storeError(e);
    }
    lib.db.transaction(() => {
      for (const s of toAdd) {
        const { id, createdAt, updatedAt, files, ...meta } = s;
        const stored: StoredFile[] = files.map(({ path: _p, ...f }) => f);
        lib.insert(meta, stored, id, { createdAt, updatedAt, trashedAt: null });
        result.added.push(id);
      }
    })();
    return result;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
