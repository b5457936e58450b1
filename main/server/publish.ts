import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { designMeta } from '../core/design-meta.js';
import { designFileBytes } from './design-file.js';
import { MM_PER_INCH, type Design, type Sample, type SampleMetaInput } from '../core/index.js';
import type { AssetLoader } from '../engine/assets/prepare.js';
import { refusePlaceholders } from '../engine/preflight/placeholders.js';
import { renderScenes, scenesFor } from '../engine/render.js';
import type { Library } from '../library/library.js';
import { THUMB_PX } from '../library/thumbnail.js';

/*
 * Publishing a design: its PDF and PNG, drawn from one scene, and a thumbnail, stored with the
 * design (images embedded) as one library sample. The render is the heavy part and runs in a
 * worker of the job service; storing runs where the library is open.
 */

/** The three files a publish renders, in a folder of the caller's. */
export interface PublishFiles {
  pdf: string;
  png: string;
  thumbnail: string;
}

/** A PNG for WeChat and the thumbnail: 150 dpi at most and no more than 4,000 px on its long side. */
function pngDpi(d: Design): number {
  const longMm = Math.max(d.format.widthMm, d.format.heightMm);
  return Math.max(10, Math.min(150, (4000 / longMm) * MM_PER_INCH));
}

/**
 * PDF, PNG and thumbnail from one scene (text that overflows is published as it is), at once: the
 * PDF is written by this thread while sharp draws the PNG on its own threads. The thumbnail is
 * drawn at its own size, not shrunk from the PNG.
 */
export async function renderForPublish(
  design: Design,
  dir: string,
  load?: AssetLoader,
  allowPlaceholder = false,
): Promise<PublishFiles> {
  // A published sample is what went out: a template's sample content still in it is refused, as
  // for any print export (preflight/placeholders.ts), unless the user publishes a proof on purpose.
  if (!allowPlaceholder) refusePlaceholders([design]);
  const scenes = await scenesFor([design], true, load);
  const files = { pdf: join(dir, 'publish.pdf'), png: join(dir, 'publish.png'), thumbnail: join(dir, 'thumbnail.jpg') };
  const { widthMm, heightMm } = design.format;
  const thumbWidth = Math.max(1, Math.round((THUMB_PX * widthMm) / Math.max(widthMm, heightMm)));
  await Promise.all([
    renderScenes(scenes, { out: files.png, format: 'png', dpi: design.format.pixels ? undefined : pngDpi(design) }),
    renderScenes(scenes, { out: files.pdf, format: 'pdf' }),
    renderScenes(scenes, { out: files.thumbnail, format: 'jpeg', widthPx: thumbWidth }),
  ]);
  return files;
}

/**
 * The rendered files and the design (its images embedded, so the sample opens anywhere) as one
 * sample. `designFile` is the design's file, when the caller made it already (while rendering).
 */
export async function storePublished(
  lib: Library,
  design: Design,
  meta: Partial<SampleMetaInput>,
  files: PublishFiles,
  designFile: Buffer = designFileBytes(design),
): Promise<Sample> {
  const [pdf, png, thumbnail] = await Promise.all([files.pdf, files.png, files.thumbnail].map((f) => fs.readFile(f)));
  const name = design.name || '设计';
  return lib.add({ ...designMeta(design), ...meta }, [
    {
      role: 'design',
      data: designFile,
      mime: 'application/json',
      name: `${name}.json`,
    },
    { role: 'pdf', data: pdf!, mime: 'application/pdf', name: `${name}.pdf` },
    { role: 'png', data: png!, mime: 'image/png', name: `${name}.png` },
    { role: 'thumbnail', data: thumbnail!, mime: 'image/jpeg', name: 'thumbnail.jpg' },
  ]);
}

/** Render and store on this thread (the CLI's `library publish`), in the library's own tmp folder. */
export async function publishDesign(
  lib: Library,
  design: Design,
  meta: Partial<SampleMetaInput> = {},
): Promise<Sample> {
  const dir = await fs.mkdtemp(join(lib.blobs.tmp, 'publish-'));
  try {
    return await storePublished(lib, design, meta, await renderForPublish(design, dir));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
