import { promises as fs } from 'node:fs';
import { extname } from 'node:path';
import {
  DesignSchema,
  MAX_ASSET_BYTES,
  megabytes,
  parseOrThrow,
  setContent,
  slotElement,
  StudioError,
  systemReason,
  type Design,
} from '../core/index.js';

const MIME: Record<string, 'image/png' | 'image/jpeg' | 'image/webp'> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/**
 * Fill named slots (--set, batch rows): text and QR slots through the editor's own edit
 * (core/design/edit.ts), image slots from a file path whose image is embedded so the design stays
 * self-contained. The result is validated again, so a value that breaks a rule (e.g. an over-long
 * text) is reported like any bad design field.
 */
export async function fillSlots(design: Design, values: readonly [string, string][]): Promise<Design> {
  if (values.length === 0) return design;
  let out: Design = JSON.parse(JSON.stringify(design)) as Design;
  for (const [name, value] of values) {
    const el = slotElement(out, name);
    if (el.type === 'text' || el.type === 'qr') out = setContent(out, el.id, value);
    else if (el.type === 'image') out = await embedFile(out, el.id, name, value);
    else throw new StudioError('unknown-slot', `槽位「${name}」不能填写内容`);
  }
  return parseOrThrow(DesignSchema, out, '填写槽位后的设计');
}

/** An image slot filled from a file: its bytes go into the design, which stays one file. */
async function embedFile(design: Design, elementId: string, slot: string, path: string): Promise<Design> {
  const mime = MIME[extname(path).toLowerCase()];
  if (!mime) throw new StudioError('bad-image', `槽位「${slot}」的图片 ${path} 不是 PNG、JPEG 或 WebP`);
  const file = path.split(/[\\/]/).pop() ?? path;
  let data: Buffer;
  try {
    const st = await fs.stat(path);
    if (st.size > MAX_ASSET_BYTES)
      throw new StudioError('bad-image', `图片 ${path} 超过 ${megabytes(MAX_ASSET_BYTES)}`);
    data = await fs.readFile(path);
  } catch (err) {
    if (err instanceof StudioError) throw err;
    // A missing file is the usual case (a typo in a table cell): name it, not the OS error.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new StudioError('bad-image', `无法读取图片「${file}」：找不到这个文件，请核对文件名`);
    throw new StudioError('bad-image', `无法读取图片「${file}」：${systemReason(err)}`, [], { cause: err });
  }
  const assetId = `${elementId}-image`;
  const assets = { ...design.assets, [assetId]: { mime, data: data.toString('base64'), name: file } };
  return {
    ...design,
    assets,
    // Filled on purpose: no longer the template's sample, even when the value is the same.
    elements: design.elements.map((e) =>
      e.id === elementId && e.type === 'image' ? { ...e, asset: assetId, placeholder: undefined } : e,
    ),
  };
}
