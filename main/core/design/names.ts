import type { Colour } from '../colour.js';
import type { Element } from './elements.js';
import { SHAPE_PRESETS } from './shape-presets.js';

/*
 * What a user reads for an element — in the layers panel, on the selection, in preflight
 * findings and export refusals: a Chinese name that says what it is, never an id such as
 * 「tip-1-card」. The template's `label` first; a text by its words; otherwise its kind, its colour
 * and what its id says in Chinese (photo-placeholder → 照片占位框). Zod-free: the page and the
 * engine both use it.
 */

/** Words template authors use in element ids, in Chinese. */
const ID_WORDS: Record<string, string> = {
  slogan: '标语',
  title: '标题',
  heading: '标题',
  subtitle: '副标题',
  unit: '单位',
  hotline: '热线',
  qr: '二维码',
  photo: '照片',
  image: '图片',
  picture: '插图',
  illustration: '插图',
  placeholder: '占位框',
  hint: '提示',
  tip: '提示',
  tips: '提示',
  card: '卡片',
  band: '色带',
  edge: '花边',
  bar: '色条',
  strip: '色条',
  stripe: '条纹',
  pill: '底块',
  label: '说明',
  caption: '说明',
  note: '注释',
  date: '日期',
  location: '地点',
  place: '地点',
  logo: '标志',
  emblem: '标志',
  mascot: '吉祥物',
  frame: '边框',
  border: '边框',
  outline: '边框',
  bg: '底',
  background: '背景',
  ground: '底色',
  plate: '底板',
  panel: '面板',
  box: '框',
  header: '页眉',
  footer: '页脚',
  top: '顶部',
  bottom: '底部',
  left: '左侧',
  right: '右侧',
  center: '中部',
  centre: '中部',
  middle: '中部',
  circle: '圆',
  ring: '圆环',
  dot: '圆点',
  line: '线',
  rule: '分隔线',
  divider: '分隔线',
  badge: '徽章',
  icon: '图标',
  goods: '商品',
  fish: '鱼',
  shield: '盾牌',
  phone: '手机',
  star: '星',
  burst: '爆炸星',
  corner: '角饰',
  ornament: '装饰',
  deco: '装饰',
  accent: '点缀',
  shadow: '阴影',
  warning: '警示',
  alert: '警示',
  police: '警察',
  market: '市场',
  stall: '摊位',
  inner: '内',
  outer: '外',
  main: '主',
  sub: '副',
  text: '文字',
  wave: '波浪',
  sun: '太阳',
  cloud: '云',
  flower: '花',
  lantern: '灯笼',
  leaf: '叶子',
  orange: '橙子',
  tomato: '番茄',
  eyelet: '挂孔',
  disc: '圆底',
};

/** Words of place come first in Chinese (dot-left → 左侧圆点). */
const PLACE_WORDS = new Set(['left', 'right', 'top', 'bottom', 'inner', 'outer', 'main', 'sub']);

const TYPE_WORDS: Record<Element['type'], string> = {
  text: '文字',
  image: '图片',
  qr: '二维码',
  rect: '矩形',
  ellipse: '椭圆',
  line: '线条',
  illustration: '插图',
  shape: '形状',
};

/** A colour as a word: the hue a reader would say (红, 蓝, 金…), from its screen value. */
export function colourWord(c: Colour | undefined): string {
  if (!c) return '';
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.rgb);
  if (!m) return '';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
  if (s < 0.15 || max - min < 0.08) return l > 0.9 ? '白' : l < 0.15 ? '黑' : '灰';
  const d = max - min;
  const sector = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  const h = (sector * 60 + 360) % 360;
  if (h < 15 || h >= 340) return l > 0.75 ? '粉' : '红';
  if (h < 40) return l < 0.4 ? '棕' : '橙';
  if (h < 52) return '金';
  if (h < 70) return '黄';
  if (h < 165) return '绿';
  if (h < 200) return '青';
  if (h < 260) return '蓝';
  return '紫';
}

const clip = (s: string, n: number): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
};

/** An id in Chinese when every word of it is known (tip-1-card → 提示 1 卡片), else ''. */
function idInChinese(id: string): string {
  const parts = id
    .toLowerCase()
    .split(/[-_]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)/)
    .filter(Boolean);
  const out: string[] = [];
  for (const p of [...parts.filter((p) => PLACE_WORDS.has(p)), ...parts.filter((p) => !PLACE_WORDS.has(p))]) {
    if (/^\d+$/.test(p)) out.push(` ${p} `);
    else if (ID_WORDS[p]) out.push(ID_WORDS[p]);
    else return '';
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

export interface NameOptions {
  /** The illustration set's Chinese names (鱼, 青菜), when the caller has the catalogue. */
  illustrationName?: (id: string) => string | undefined;
}

/** One element's name as a user reads it. */
export function elementName(el: Element, opts: NameOptions = {}): string {
  if (el.label?.trim()) return el.label.trim();
  if (el.type === 'text') {
    const words = clip(el.text, 10);
    return words ? `文字“${words}”` : '空白文字';
  }
  const fromId = idInChinese(el.id);
  if (el.type === 'illustration') {
    const pic = opts.illustrationName?.(el.illustration);
    return pic ? `插图“${pic}”` : fromId || '插图';
  }
  if (fromId) return fromId;
  if (el.type === 'rect' || el.type === 'ellipse') {
    const round = el.type === 'ellipse' && Math.abs(el.box.w - el.box.h) < 0.01 * el.box.w;
    const shape = round ? '圆形' : el.type === 'ellipse' ? '椭圆' : el.radiusMm > 0 ? '圆角矩形' : '矩形';
    const hue = colourWord(el.fill ?? el.stroke?.colour);
    return hue ? `${hue}色${shape}` : shape;
  }
  if (el.type === 'shape') {
    // A template's ornament by what it draws (红色爆炸贴, 金色飘带); a custom outline is a 形状.
    const shape = el.shape === 'custom' ? TYPE_WORDS.shape : SHAPE_PRESETS[el.shape];
    const hue = colourWord(el.fill ?? el.stroke?.colour);
    return hue ? `${hue}色${shape}` : shape;
  }
  if (el.type === 'line') return `${colourWord(el.stroke.colour)}${TYPE_WORDS.line}`;
  return TYPE_WORDS[el.type];
}

/** Every element's name, made unique in drawing order (矩形, 矩形 2, …). */
export function elementNames(design: { elements: readonly Element[] }, opts: NameOptions = {}): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const el of design.elements) {
    const base = elementName(el, opts);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(el.id, n === 1 ? base : `${base} ${n}`);
  }
  return out;
}

export const elementTypeName = (type: Element['type']): string => TYPE_WORDS[type];
