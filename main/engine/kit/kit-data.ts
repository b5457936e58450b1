import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FraudTipsSchema,
  GridKitSpecSchema,
  MarketKitSpecSchema,
  parseOrThrow,
  ProductionDefaultsSchema,
  type FraudTips,
  type GridKitSpec,
  type MarketKitSpec,
  type ProductionDefaults,
} from '../../core/index.js';
import type { MarketJingleData } from '../../core/kit-market.js';
import { sloganLexicon } from '../slogan-library.js';
import { templatesDir } from '../paths.js';

/*
 * The kits' editable tables (templates/kits/): which templates each piece is made from, the
 * quantities, the fraud types for each kind of goods and audience, the tips, and the print
 * shop's usual material and finishing per kind. A station or the city centre changes them
 * without touching code; they are validated when first read, errors naming the file and field.
 */

const read = (file: string): unknown => JSON.parse(readFileSync(join(templatesDir(), 'kits', file), 'utf8'));

let market: MarketKitSpec | undefined;
let grid: GridKitSpec | undefined;
let tips: FraudTips | undefined;
let production: ProductionDefaults | undefined;

export const marketKitSpec = (): MarketKitSpec =>
  (market ??= parseOrThrow(MarketKitSpecSchema, read('market.json'), '套装设置 templates/kits/market.json '));

export const gridKitSpec = (): GridKitSpec =>
  (grid ??= parseOrThrow(GridKitSpecSchema, read('grid.json'), '宣防包设置 templates/kits/grid.json '));

export const fraudTips = (): FraudTips =>
  (tips ??= parseOrThrow(FraudTipsSchema, read('fraud-tips.json'), '防骗提示 templates/kits/fraud-tips.json '));

export const productionDefaults = (): ProductionDefaults =>
  (production ??= parseOrThrow(
    ProductionDefaultsSchema,
    read('production.json'),
    '制作默认值 templates/kits/production.json ',
  ));

/** What planning the market's jingles needs (core/kit-market.ts). */
export const marketJingleData = (): MarketJingleData => ({
  lexicon: sloganLexicon(),
  spec: marketKitSpec(),
  tips: fraudTips(),
});
