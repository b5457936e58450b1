import { createWriteStream } from 'node:fs';
import { StudioError, type Sample } from '../core/index.js';
import { withAtomicFile } from '../node/atomic.js';
import { BUNDLE_SCHEMA, cleanName, type BundleManifest } from './bundle-manifest.js';
import type { Library } from './library.js';

/** Already-compressed content is stored, not deflated again (faster, and no gain). */
const STORED = /^(image\/(jpeg|png|webp)|application\/pdf)$/;

/**
 * Write the samples to a bundle zip for another station: manifest.json plus each file once, under
 * samples/<id>-<title>/<role>-<name>, names in UTF-8 (flag set). Written atomically.
 */
export async function exportBundle(
  lib: Library,
  samples: Sample[],
  out: string,
): Promise<{ samples: number; files: number; bytes: number }> {
  if (!samples.length) throw new StudioError('invalid-input', '没有要导出的样本');
  const yazl = await import('yazl');
  const zip = new yazl.ZipFile();
  const written = new Map<string, string>();
  const manifest: BundleManifest = {
    schema: BUNDLE_SCHEMA,
    version: 1,
    createdAt: new Date().toISOString(),
    samples: [],
  };
  let bytes = 0;
  for (const s of samples) {
    const folder = `samples/${s.id.slice(0, 8)}-${cleanName(s.title, 40)}`;
    const files = s.files.map((f) => {
      let path = written.get(f.sha256);
      if (!path) {
        path = `${folder}/${f.role}-${cleanName(f.name, 80)}`;
        written.set(f.sha256, path);
        zip.addFile(lib.blobs.path(f.sha256), path, { compress: !STORED.test(f.mime), mtime: new Date(s.updatedAt) });
        bytes += f.size;
      }
      return { ...f, path };
    });
    const { trashedAt: _t, files: _f, ...meta } = s;
    manifest.samples.push({ ...meta, files });
  }
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 1)), 'manifest.json');
  zip.end();
  await withAtomicFile(out, async (f) => {
    await new Promise<void>((ok, fail) => {
      const ws = createWriteStream(f.tempPath, { flags: 'wx' });
      zip.outputStream.on('error', fail).pipe(ws).on('error', fail).on('close', ok);
    });
  });
  return { samples: samples.length, files: written.size, bytes };
}
