import { dirname } from 'node:path';
import type { Uploads } from '../uploads.js';

/** What an image cell may name; the engine checks the bytes when a row uses it. */
const IMAGE_NAME = /\.(png|jpe?g|webp)$/i;

/**
 * Photos for a batch's image columns, handed over after the table: each goes beside the table's
 * file, where the engine resolves relative image cells, under its own name (a later photo of the
 * same name replaces the earlier). The table itself and non-images are skipped, not moved.
 */
export async function addBatchImages(
  uploads: Uploads,
  tableUploadId: string,
  images: string[],
): Promise<{ added: string[]; skipped: string[] }> {
  const table = uploads.get(tableUploadId);
  const dir = dirname(table.path);
  const added: string[] = [];
  const skipped: string[] = [];
  for (const id of images) {
    const img = uploads.get(id);
    if (img.name === table.name || !IMAGE_NAME.test(img.name)) {
      skipped.push(img.name);
      uploads.release(id);
      continue;
    }
    await uploads.adopt(id, dir);
    added.push(img.name);
  }
  return { added, skipped };
}
