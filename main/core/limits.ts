/*
 * Size limits shared by the main side and the page. No imports: the renderer takes these without
 * pulling the API contract's schemas into its bundle.
 */

/** A design file embeds its images (base64); beyond this it is surely not one we should hold in memory. */
export const MAX_DESIGN_TEXT_CHARS = 64 * 1024 * 1024;
/** Slogan texts and the like: far more than any banner carries, small enough to reject junk early. */
export const MAX_TEXT_CHARS = 2000;
