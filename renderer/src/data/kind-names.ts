import type { Kind } from '../../../main/core/design/format.js';
import { defineMessages } from '../i18n/i18n.js';

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
