import { z } from 'zod';
import { MAX_ASSET_BYTES, megabytes } from '../limits.js';

const MAX_BASE64 = Math.ceil(MAX_ASSET_BYTES / 3) * 4;

const Mime = z.enum(['image/png', 'image/jpeg', 'image/webp'], { message: '只支持 PNG、JPEG、WebP 图片' });
const Name = z.string().max(200).optional();

/** An image carried inside the design file (base64), so a saved design opens anywhere. */
export const EmbeddedAssetSchema = z.object({
  mime: Mime,
  data: z
    .string()
    .max(MAX_BASE64, `图片超过 ${megabytes(MAX_ASSET_BYTES)}`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '图片数据不是有效的 base64'),
  name: Name,
});
export type EmbeddedAsset = z.infer<typeof EmbeddedAssetSchema>;

/**
 * An image the studio's main side holds, named by the SHA-256 of its bytes: what the design the
 * page edits carries instead of the bytes, so a keystroke sends kilobytes, not the photo. The
 * main side makes these (it has checked the image) and turns them back into embedded assets
 * when the design is saved or published.
 */
export const AssetRefSchema = z.object({
  mime: Mime,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '图片摘要格式不对'),
  name: Name,
  bytes: z.number().int().min(1).max(MAX_ASSET_BYTES),
  /** Upright pixel size (orientation applied): the editor computes the printed dpi from it. */
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
});
export type AssetRef = z.infer<typeof AssetRefSchema>;

/** In a design file and for the engine: either form. */
export const AssetSchema = z.union([EmbeddedAssetSchema, AssetRefSchema]);
export type Asset = z.infer<typeof AssetSchema>;

export const isAssetRef = (a: Asset): a is AssetRef => 'sha256' in a;
