import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import {
  isAssetRef,
  MAX_ASSET_BYTES,
  MAX_IMAGE_PIXELS,
  StudioError,
  type Asset,
  type AssetRef,
  type Design,
} from '../../core/index.js';
import { checkPixels } from '../../core/image-size.js';

/**
 * The bytes of an image a design names by reference (core/design/assets.ts): the studio's main
 * side reads them from its asset store. Designs from files embed their images and need none.
 */
export type AssetLoader = (ref: AssetRef) => Promise<Buffer>;

/** An image checked and normalised so every writer can take the same bytes. */
export interface PreparedImage {
  assetId: string;
  /** PNG or baseline JPEG with orientation applied: what pdfkit and librsvg both read. */
  mime: 'image/png' | 'image/jpeg';
  data: Buffer;
  widthPx: number;
  heightPx: number;
  sha256: string;
}

/** Checked images by SHA-256, least recently used first; a long studio session sees many photos. */
const cache = new Map<string, PreparedImage>();
const MAX_CACHED = 16;

function cached(sha256: string): PreparedImage | undefined {
  const hit = cache.get(sha256);
  if (hit) {
    cache.delete(sha256);
    cache.set(sha256, hit);
  }
  return hit;
}

function badImage(assetId: string, why: string, cause?: unknown): StudioError {
  return new StudioError('bad-image', `图片「${assetId}」无法使用：${why}`, [], { cause });
}

/** An image checked and decoded once, then kept by its SHA-256: a reference costs nothing after its first use. */
export async function prepareImage(assetId: string, asset: Asset, load?: AssetLoader): Promise<PreparedImage> {
  if (isAssetRef(asset)) {
    const hit = cached(asset.sha256);
    if (hit) return { ...hit, assetId };
    if (!load) throw badImage(assetId, '设计中只有这张图片的引用，没有图片本身：请从工作室保存设计文件后再用');
    return prepareBytes(assetId, await load(asset), asset.sha256);
  }
  const raw = Buffer.from(asset.data, 'base64');
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const hit = cached(sha256);
  if (hit) return { ...hit, assetId };
  return prepareBytes(assetId, raw, sha256);
}

/** Checks and decodes image bytes (whose hash the caller knows) and keeps the result. */
export async function prepareBytes(assetId: string, raw: Buffer, sha256: string): Promise<PreparedImage> {
  if (raw.length === 0) throw badImage(assetId, '文件为空');
  if (raw.length > MAX_ASSET_BYTES) throw badImage(assetId, `文件超过 ${MAX_ASSET_BYTES / 1024 / 1024} MB`);
  // sharp (libvips) takes ~0.2 s to load: only designs with images pay for it.
  const sharp = (await import('sharp')).default;
  let meta: Metadata;
  try {
    // The header only (no pixel limit here): an image over the cap is "too large", not "corrupt".
    meta = await sharp(raw, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw badImage(assetId, '文件已损坏或不是图片', err);
  }
  if (!meta.width || !meta.height) throw badImage(assetId, '读不出图片尺寸');
  checkPixels(`图片「${assetId}」`, meta.width, meta.height);
  if (!['png', 'jpeg', 'webp'].includes(meta.format ?? '')) throw badImage(assetId, `不支持的格式 ${meta.format}`);
  const oriented = (meta.orientation ?? 1) > 1;
  const swap = oriented && (meta.orientation ?? 1) >= 5;
  let data = raw;
  let mime: PreparedImage['mime'] = meta.format === 'jpeg' ? 'image/jpeg' : 'image/png';
  try {
    // Decode fully once: a truncated file fails here, not halfway through a 6 m banner.
    const pipeline = sharp(raw, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
    if (meta.format === 'jpeg' && !oriented && meta.space !== 'cmyk')
      await pipeline.clone().raw().toBuffer({ resolveWithObject: false });
    else {
      data =
        meta.format === 'jpeg'
          ? await pipeline.toColourspace('srgb').jpeg({ quality: 92 }).toBuffer()
          : await pipeline.png().toBuffer();
      mime = meta.format === 'jpeg' ? 'image/jpeg' : 'image/png';
    }
  } catch (err) {
    throw badImage(assetId, '解码失败，文件可能不完整或已损坏', err);
  }
  const img: PreparedImage = {
    assetId,
    mime,
    data,
    widthPx: swap ? meta.height : meta.width,
    heightPx: swap ? meta.width : meta.height,
    sha256,
  };
  cache.set(sha256, img);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return img;
}

/** Every image the design uses, checked and decoded, keyed by asset id. */
export async function prepareAssets(design: Design, load?: AssetLoader): Promise<Map<string, PreparedImage>> {
  const used = new Set<string>();
  for (const el of design.elements) if (el.type === 'image' && el.asset) used.add(el.asset);
  if (design.background.type === 'image') used.add(design.background.asset);
  const out = new Map<string, PreparedImage>();
  for (const id of used) {
    const asset = design.assets[id];
    if (!asset) throw badImage(id, '设计文件中没有这个素材');
    out.set(id, await prepareImage(id, asset, load));
  }
  return out;
}
