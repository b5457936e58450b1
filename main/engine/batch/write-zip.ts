import { createWriteStream } from 'node:fs';
import { withAtomicFile } from '../../node/atomic.js';

/** Files already compressed are stored, not deflated again (faster, and no gain). */
const STORED = /\.(pdf|png|jpe?g|webp)$/i;

/**
 * One zip of finished files plus text entries, written atomically (temp file, fsync, rename):
 * the zip appears whole or not at all. Names are UTF-8 with the zip's UTF-8 flag set, which the
 * Windows 10+ Explorer, 7-Zip and Linux unzip tools honour.
 */
export async function writeZip(
  out: string,
  files: readonly { path: string; name: string }[],
  texts: readonly { name: string; text: string }[],
  buffers: Iterable<readonly [name: string, data: Buffer]> = [],
): Promise<void> {
  const yazl = await import('yazl');
  const zip = new yazl.ZipFile();
  for (const [name, data] of buffers) zip.addBuffer(data, name, { compress: !STORED.test(name) });
  for (const f of files) zip.addFile(f.path, f.name, { compress: !STORED.test(f.name) });
  for (const t of texts) zip.addBuffer(Buffer.from(t.text, 'utf8'), t.name);
  zip.end();
  await withAtomicFile(out, async (f) => {
    await new Promise<void>((ok, fail) => {
      const ws = createWriteStream(f.tempPath, { flags: 'wx' });
      zip.outputStream.on('error', fail).pipe(ws).on('error', fail).on('close', ok);
    });
  });
}
