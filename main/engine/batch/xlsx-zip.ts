import type { Entry, ZipFile } from 'yauzl';
import { StudioError } from '../../core/index.js';

/**
 * The parts of an XLSX package (a zip) we read, held in memory, with limits so that a crafted
 * file (a zip bomb, a million entries) is refused rather than exhausting memory: an XLSX of
 * 5,000 rows is a few MB of XML.
 */
export const XLSX_LIMITS = {
  maxEntries: 10_000,
  /** Per part read, uncompressed. */
  maxPartBytes: 64 * 1024 ** 2,
  /** All parts read, uncompressed. */
  maxTotalBytes: 128 * 1024 ** 2,
  /** Uncompressed ÷ compressed past 1 MB; repetitive sheet XML reaches ~50. */
  maxRatio: 500,
};

/** Read the named parts (names as in the zip, no leading /); absent ones are simply missing. */
export async function readZipParts(
  data: Buffer,
  wanted: (name: string) => boolean,
  what: string,
): Promise<Map<string, string>> {
  const yauzl = await import('yauzl');
  const bad = (why: string, cause?: unknown) =>
    new StudioError(
      'invalid-input',
      `${what} 不是有效的 XLSX 文件：${why}`,
      ['请在 Excel 或 WPS 中重新另存为 .xlsx，或另存为 CSV'],
      { cause },
    );
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch (e) {
    throw bad('无法打开压缩包，文件可能不完整或已损坏', e);
  }
  if (zip.entryCount > XLSX_LIMITS.maxEntries) throw bad(`条目过多（${zip.entryCount}）`);
  const parts = new Map<string, string>();
  let total = 0;
  await new Promise<void>((ok, fail) => {
    zip.on('error', (e: Error) => fail(e instanceof StudioError ? e : bad('压缩包结构损坏', e)));
    zip.on('end', ok);
    zip.on('entry', (entry: Entry) => {
      void (async () => {
        const name = entry.fileName.replace(/^\//, '');
        if (wanted(name)) {
          const size = entry.uncompressedSize;
          total += size;
          if (size > XLSX_LIMITS.maxPartBytes || total > XLSX_LIMITS.maxTotalBytes) throw bad(`「${name}」解压后过大`);
          if (size > 1024 ** 2 && size / Math.max(1, entry.compressedSize) > XLSX_LIMITS.maxRatio)
            throw bad(`「${name}」压缩比异常，疑似压缩炸弹`);
          if (entry.isEncrypted()) throw bad('文件已加密；请先在 Excel 中取消密码');
          const stream = await zip.openReadStreamPromise(entry);
          const chunks: Buffer[] = [];
          for await (const c of stream) chunks.push(c as Buffer);
          parts.set(
            name,
            Buffer.concat(chunks)
              .toString('utf8')
              .replace(/^\uFEFF/, ''),
          );
        }
        zip.readEntry();
      })().catch((e: unknown) => {
        zip.close();
        fail(e instanceof StudioError ? e : bad('解压时出错，文件可能不完整', e));
      });
    });
    zip.readEntry();
  });
  return parts;
}
