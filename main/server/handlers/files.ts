import { promises as fs } from 'node:fs';
import {
  DesignSchema,
  MAX_DESIGN_FILE_BYTES,
  megabytes,
  parseDesignText,
  parseOrThrow,
  StudioError,
  type StudioDesign,
} from '../../core/index.js';
import { DESIGN_EXT } from '../../core/design-file.js';
import type { StudioContext } from '../context.js';
import type { Outbox } from '../outbox.js';

/*
 * Design files in and out. The page hands a picked file over as an upload and gets the design
 * back with its images kept here; saving embeds the images again (the file opens anywhere) and
 * offers the file as a download, which browser mode saves with the browser and the desktop
 * through its save dialog. The page never holds the photos' bytes.
 */

const tooLarge = () =>
  new StudioError('too-large', `设计文件过大（超过 ${megabytes(MAX_DESIGN_FILE_BYTES)}）：请换用更小的图片`);

export async function openDesign(ctx: StudioContext, uploadId: string): Promise<StudioDesign> {
  const up = ctx.uploads.get(uploadId);
  try {
    if (up.bytes > MAX_DESIGN_FILE_BYTES) throw tooLarge();
    return await ctx.assets.ingest(parseDesignText(await fs.readFile(up.path, 'utf8'), `设计文件「${up.name}」`));
  } finally {
    ctx.uploads.release(uploadId);
  }
}

/** A safe file name from the design's name (no characters Windows refuses). */
export function designFileName(design: Pick<StudioDesign, 'name'>): string {
  const base =
    design.name
      .replace(/[\\/:*?"<>|\0]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || '未命名设计';
  return `${base}${DESIGN_EXT}`;
}

/** The design file's text: images embedded, checked by the schema, within the file cap. */
export async function designFileText(ctx: StudioContext, design: StudioDesign): Promise<string> {
  const text = JSON.stringify(parseOrThrow(DesignSchema, await ctx.assets.embed(design), '设计'), null, 2) + '\n';
  if (text.length > MAX_DESIGN_FILE_BYTES) throw tooLarge();
  return text;
}

export async function saveDesign(ctx: StudioContext, outbox: Outbox, design: StudioDesign) {
  const text = await designFileText(ctx, design);
  const fileName = designFileName(design);
  return { downloadId: await outbox.put(fileName, text), fileName, bytes: Buffer.byteLength(text) };
}
