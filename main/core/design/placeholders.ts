import { PROFILE_FIELD_NAMES, type ProfileField } from '../profile.js';
import type { Design } from './design.js';
import type { Element } from './elements.js';
import { elementName } from './names.js';

/*
 * Placeholders never print (issue #14 §2). A template marks its sample content explicitly
 * (`placeholder` on the element, binding.ts; docs/templates.md); on top of that any text with ××
 * in it is a sample, whoever wrote it, since no unit, place or date is ever called ××.
 */

/** The conventional mark of a name to fill in: ××市公安局, ××菜市场. */
export const SAMPLE_MARK = '××';

export interface Placeholder {
  elementId: string;
  /** The element as the user knows it: its label, else its id. */
  name: string;
  type: 'text' | 'qr' | 'image';
  /** What it still shows (the sample text or payload; '' for an empty photo box). */
  sample: string;
  /** The profile field that would fill it, when it is bound to one. */
  field?: ProfileField;
}

function content(el: Element): string | undefined {
  if (el.type === 'text') return el.text;
  if (el.type === 'qr') return el.content;
  if (el.type === 'image') return el.asset ?? '';
  return undefined;
}

/** Whether an element still shows its template's sample. */
export function isPlaceholder(el: Element): boolean {
  const c = content(el);
  if (c === undefined) return false;
  if (el.type === 'text' && c.includes(SAMPLE_MARK)) return true;
  if (!('placeholder' in el) || el.placeholder === undefined) return false;
  return el.type === 'image' ? c === el.placeholder : c.trim() === el.placeholder.trim();
}

/** Every element of a design that still shows a sample, in drawing order. */
export function placeholdersOf(design: Pick<Design, 'elements'>): Placeholder[] {
  return design.elements.flatMap((el): Placeholder[] => {
    if (!isPlaceholder(el) || (el.type !== 'text' && el.type !== 'qr' && el.type !== 'image')) return [];
    return [
      {
        elementId: el.id,
        name: elementName(el),
        type: el.type,
        sample: content(el) ?? '',
        ...(el.bind ? { field: el.bind } : {}),
      },
    ];
  });
}

const clip = (s: string, n = 24) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
};

/** What to tell the user about one placeholder: what it still shows and how to fill it. */
export function placeholderMessage(p: Placeholder): string {
  const how = p.field
    ? `请在「本单位信息」中填写${PROFILE_FIELD_NAMES[p.field]}，或直接改成本单位的内容`
    : p.type === 'image'
      ? '请放入照片'
      : '请改成实际内容';
  if (p.type === 'image') return `「${p.name}」还是模板的空白示例框：${how}`;
  if (p.type === 'qr')
    return `「${p.name}」还是模板的示例二维码（${clip(p.sample, 40)}）：扫码结果未经本单位核实，${how}`;
  return `「${p.name}」还是模板示例「${clip(p.sample)}」：${how}`;
}
