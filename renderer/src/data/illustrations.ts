import type { ApiValue } from '../../../main/core/api.js';
import { call } from './api-client.js';

export type Illustration = ApiValue<'listIllustrations'>[number];

let all: Promise<Illustration[]> | undefined;

/** The whole illustration set, asked once (names for the layers panel, the picker's first view). */
export function allIllustrations(): Promise<Illustration[]> {
  all ??= call('listIllustrations', { query: '' }).catch(() => {
    all = undefined;
    return [];
  });
  return all;
}

/** Pictures for a search in Chinese (鱼, 菜, 鸡, 手机, 盾牌), best first; the main side ranks them. */
export const searchIllustrations = (query: string): Promise<Illustration[]> =>
  query.trim() ? call('listIllustrations', { query: query.trim() }) : allIllustrations();

/** A picture's small SVG as an image address (an <img> runs no scripts and loads nothing). */
export const illustrationSrc = (it: Illustration): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(it.svg)}`;
