import type { AssetRef } from '../../../main/core/design/assets.js';
import { refuseImageFile } from '../../../main/core/design/edit.js';
import { call, upload } from './api-client.js';

/** The input's accept list for photos and pictures. */
export const IMAGE_ACCEPT = 'image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp';

/** Why a picked or dropped file is refused, as the user should read it. */
export class ImageRefused extends Error {}

/**
 * A picked, pasted or dropped image handed to the main side, which checks it and keeps it: the
 * design names it by reference. Refused before reading when its name, size or type rule it out.
 */
export async function addImageFile(file: File): Promise<AssetRef> {
  const refused = refuseImageFile(file);
  if (refused) throw new ImageRefused(refused);
  const { uploadId } = await upload(file);
  return call('addAsset', { uploadId });
}

/** The message of an image failure (a refusal, or the main side's own). */
export const imageError = (e: unknown, fallback: (e: unknown) => string): string =>
  e instanceof ImageRefused || (e instanceof Error && e.name === 'StudioError') ? e.message : fallback(e);
