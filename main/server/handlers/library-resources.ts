import type { ResourceRoute } from '../resources.js';

/** GET routes of the library screen (sample thumbnails and files). */
export function libraryResources(): ResourceRoute[] {
  return [];
}
