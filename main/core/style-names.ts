/*
 * Template styles by name, for the gallery's filter and the unit's default style. Zod-free: the
 * page lists them (profile.ts holds the schema).
 */
export const STYLES = {
  'festive-red': '喜庆红金',
  'police-blue': '警察蓝',
  'market-chalk': '市场黑板手写',
  'fresh-illustrated': '清新插画',
  'photo-led': '实景照片',
} as const;
export type Style = keyof typeof STYLES;
