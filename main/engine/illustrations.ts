import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  elementName,
  IllustrationCatalogueSchema,
  illustrationsForText,
  IllustrationShapesSchema,
  parseOrThrow,
  type Design,
  type Element,
  type IllustrationArt,
  type IllustrationCatalogue,
  type IllustrationElement,
} from '../core/index.js';
import { sloganLexicon } from './slogan-library.js';
import { templatesDir } from './paths.js';

let catalogue: IllustrationCatalogue | undefined;
let art: Record<string, IllustrationArt> | undefined;

const read = (file: string): unknown => JSON.parse(readFileSync(join(templatesDir(), 'illustrations', file), 'utf8'));

/** The illustration set's names and keywords (templates/illustrations/catalogue.json), validated once. */
export function illustrationCatalogue(): IllustrationCatalogue {
  catalogue ??= parseOrThrow(IllustrationCatalogueSchema, read('catalogue.json'), '插图目录 catalogue.json ');
  return catalogue;
}

function allArt(): Record<string, IllustrationArt> {
  if (!art) {
    const shapes = parseOrThrow(IllustrationShapesSchema, read('fluent-emoji-flat.json'), '插图数据 ');
    const missing = illustrationCatalogue().items.filter((it) => !shapes.icons[it.id]);
    if (missing.length)
      throw new Error(
        `illustrations without shapes: ${missing.map((m) => m.id).join(', ')}; run scripts/extract-illustrations.mjs`,
      );
    art = shapes.icons;
  }
  return art;
}

/** One picture's shapes, or undefined for an id the set does not have. */
export function illustrationArt(id: string): IllustrationArt | undefined {
  return Object.prototype.hasOwnProperty.call(allArt(), id) ? allArt()[id] : undefined;
}

/**
 * The picture an illustration element shows: with `follow`, the goods its text names (counting
 * round the goods words: index 1 of 鲫鱼草鱼多宝鱼 is 草鱼 → fish); otherwise, or when the text names
 * no goods the set has, its own `illustration`.
 */
export function resolvedIllustration(el: IllustrationElement, design: Pick<Design, 'elements'>): string {
  if (!el.follow) return el.illustration;
  const source = design.elements.find((e) => e.id === el.follow?.element);
  if (source?.type !== 'text') return el.illustration;
  const ids = illustrationsForText(source.text, sloganLexicon().goods, illustrationCatalogue());
  return ids.length ? ids[el.follow.index % ids.length]! : el.illustration;
}

/** An element as the user reads its name (core design/names.ts), pictures by their Chinese names. */
export const nameOf = (el: Element): string =>
  elementName(el, { illustrationName: (id) => illustrationCatalogue().items.find((i) => i.id === id)?.name });
