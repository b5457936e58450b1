/*
 * Where the main side serves files the page shows or saves (GET, relative to the origin; browser
 * mode adds the page's token, the desktop serves them under app://studio/). No imports.
 */

/** A template's gallery thumbnail (PNG, drawn by the engine). */
export const templateThumbnailPath = (id: string): string => `/thumbnails/${id}.png`;
/** A library sample's thumbnail (JPEG, made at import or publish). */
export const sampleThumbnailPath = (id: string): string => `/library/thumbnails/${id}.jpg`;
/** A small JPEG of an image the main side holds for the open design (by its SHA-256): the image field. */
export const assetThumbnailPath = (sha256: string): string => `/assets/${sha256}/thumbnail.jpg`;
/** The same image at screen size (2,048 px at most), upright: the live preview's photo layer. */
export const assetScreenPath = (sha256: string): string => `/assets/${sha256}/screen`;
/** A finished file by its download id. */
export const downloadPath = (downloadId: string): string => `/download/${downloadId}`;
/** A team library sample's thumbnail, fetched from the team server by the studio's main side. */
export const teamThumbnailPath = (id: string, sha256: string): string => `/team/thumbnails/${id}/${sha256}.jpg`;
