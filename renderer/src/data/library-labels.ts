import { SAMPLE_KINDS, type SampleKind } from '../../../main/core/library-names.js';
import { FRAUD_TYPES, type FraudType } from '../../../main/core/slogan/names.js';
import { locale } from '../i18n/i18n.js';

/*
 * Names of sample kinds and fraud types in the page's language. The Chinese ones are the core's
 * (what the library stores and the CLI prints); English is for the screen only.
 */

const KIND_EN: Record<SampleKind, string> = {
  banner: 'Banner',
  poster: 'Poster',
  rollup: 'Roll-up',
  sticker: 'Sticker',
  wechat: 'WeChat image',
  article: 'Article',
  video: 'Video link',
  other: 'Other',
};

const FRAUD_EN: Record<FraudType, string> = {
  rebate: 'Order-brushing rebates',
  investment: 'Fake online investment',
  shopping: 'Fake shopping/services',
  'fake-service': 'Fake e-commerce/courier support',
  loan: 'Fake loans',
  credit: 'Fake credit repair',
  'fake-acquaintance': 'Posing as a boss/acquaintance',
  'fake-officials': 'Posing as police/officials',
  romance: 'Online romance',
  gaming: 'Fake game trading',
  general: 'General advice',
};

const en = () => locale() === 'en';

export const kindLabel = (k: string): string => (en() ? KIND_EN[k as SampleKind] : SAMPLE_KINDS[k as SampleKind]) ?? k;
export const fraudLabel = (k: string): string => (en() ? FRAUD_EN[k as FraudType] : FRAUD_TYPES[k as FraudType]) ?? k;

/** Every kind or fraud type with its label, in the core's order. */
export const kindLabels = (): Record<string, string> =>
  Object.fromEntries(Object.keys(SAMPLE_KINDS).map((k) => [k, kindLabel(k)]));
export const fraudLabels = (): Record<string, string> =>
  Object.fromEntries(Object.keys(FRAUD_TYPES).map((k) => [k, fraudLabel(k)]));
