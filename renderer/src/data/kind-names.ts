import type { Kind } from '../../../main/core/design/format.js';
import { STYLES, type Style } from '../../../main/core/style-names.js';
import { defineMessages, locale } from '../i18n/i18n.js';

/** Format families as the gallery groups them, in this order, named in the current language. */
export const KIND_ORDER: readonly Kind[] = [
  'banner',
  'vertical-banner',
  'poster',
  'rollup',
  'x-stand',
  'table-card',
  'sign',
  'sticker',
  'tag',
  'wechat',
];

export const kindName = defineMessages<Kind>({
  banner: { zh: '横幅', en: 'Banners' },
  'vertical-banner': { zh: '竖幅', en: 'Vertical banners' },
  poster: { zh: '海报', en: 'Posters' },
  rollup: { zh: '易拉宝', en: 'Roll-up stands' },
  'x-stand': { zh: 'X 展架', en: 'X-stands' },
  'table-card': { zh: '桌牌', en: 'Table cards' },
  sign: { zh: '展板', en: 'Display boards' },
  sticker: { zh: '贴纸', en: 'Stickers' },
  tag: { zh: '吊牌与价签', en: 'Hanging tags and shelf strips' },
  wechat: { zh: '微信图片', en: 'WeChat images' },
});

const STYLE_EN: Record<Style, string> = {
  'festive-red': 'Festive red and gold',
  'police-blue': 'Police blue',
  'market-chalk': 'Market chalkboard',
  'fresh-illustrated': 'Fresh illustrated',
  'photo-led': 'Photo-led',
};

/** A template style's name in the current language (the Chinese ones are core's, style-names.ts). */
export const styleName = (s: Style): string => (locale() === 'en' ? STYLE_EN[s] : STYLES[s]);
