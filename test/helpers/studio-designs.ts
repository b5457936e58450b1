import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import {
  StudioDesignSchema,
  TemplateSchema,
  designFromTemplate,
  type AssetRef,
  type StudioDesign,
} from '../../main/core/index.js';

/* Designs as the studio's page edits them (images by reference), for the editor's unit tests. */

const ROOT = resolve(import.meta.dirname, '../..');
/** A template as a new studio design (its own images left out). */
export function studioTemplate(id: string): StudioDesign {
  const t = TemplateSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'templates/designs', `${id}.json`), 'utf8')));
  const d = designFromTemplate(t);
  return StudioDesignSchema.parse({ ...d, assets: {} }) as StudioDesign;
}
/** Asserts the design passes the studio's schema, showing the first issues if not. */
export const valid = (d: unknown) => {
  const r = StudioDesignSchema.safeParse(d);
  expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
};
/** An image reference as addAsset gives it. */
export const ref = (over: Partial<AssetRef> = {}): AssetRef => ({
  mime: 'image/jpeg',
  sha256: 'a'.repeat(64),
  name: '现场.jpg',
  bytes: 1000,
  widthPx: 4000,
  heightPx: 3000,
  ...over,
});
