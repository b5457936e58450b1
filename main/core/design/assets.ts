import { z } from 'zod';

/** Largest embedded image we accept, in bytes (a 60 MP JPEG is about 25 MB). */
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_ASSET_BYTES / 3) * 4;

/** An image carried inside the design file, so a saved design opens anywhere. */
export const AssetSchema = z.object({
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp'], { message: '只支持 PNG、JPEG、WebP 图片' }),
  data: z
    .string()
    .max(MAX_BASE64, '图片超过 50 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '图片数据不是有效的 base64'),
  name: z.string().max(200).optional(),
});
export type Asset = z.infer<typeof AssetSchema>;
