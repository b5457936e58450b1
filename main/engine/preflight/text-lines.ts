import { familyLabel, type Design, type PreflightFinding, type TextLines } from '../../core/index.js';
import { nameOf } from '../illustrations.js';
import type { TextLayout } from '../layout/layout-text.js';

const HAN = /\p{Script=Han}/gu;

/** Each text element's lines as laid out, for the report (and the UI, and tests). */
export function textLines(design: Design, text: ReadonlyMap<string, TextLayout>): TextLines[] {
  return design.elements.flatMap((el) => {
    const lay = el.type === 'text' ? text.get(el.id) : undefined;
    if (!lay || el.type !== 'text') return [];
    return [
      {
        elementId: el.id,
        ...(el.label ? { label: el.label } : {}),
        sizeMm: lay.sizeMm,
        vertical: el.writing === 'vertical',
        lines: lay.lines,
      },
    ];
  });
}

/**
 * What a designer would not hand to a print shop in the lines themselves: a word broken across
 * lines, a line of one character (孤字), a jingle not set by its halves, characters drawn in a
 * fallback face.
 */
export function lineFindings(design: Design, text: ReadonlyMap<string, TextLayout>): PreflightFinding[] {
  const out: PreflightFinding[] = [];
  for (const el of design.elements) {
    const lay = el.type === 'text' ? text.get(el.id) : undefined;
    if (!lay || el.type !== 'text' || !el.text.trim()) continue;
    const who = `「${nameOf(el)}」`;
    const warn = (code: PreflightFinding['code'], message: string): void => {
      out.push({ severity: 'warning', code, elementId: el.id, message });
    };
    for (const w of lay.brokenWords)
      warn('word-split', `${who}中的词「${w}」比一行还宽，只好拆到两行：请加宽文本框、调小最小字号或换用短一些的词`);
    if (lay.lines.length > 1)
      lay.lines.forEach((line, i) => {
        const han = line.match(HAN) ?? [];
        if (han.length === 1)
          warn('single-character-line', `${who}第 ${i + 1} 行只有一个字「${han[0]}」（孤字）：请调整文本框宽度或字数`);
      });
    if (lay.form && lay.setting === 'greedy' && !lay.overflow)
      warn(
        'halves-not-kept',
        `${who}是${lay.form === 'halves' ? '上下两半' : '四句'}的顺口溜，但这个文本框里排不下按半句分行的版式（现为 ${lay.lines.join(' / ')}）：请加大文本框或调小最小字号`,
      );
    if (lay.fallback.length)
      out.push({
        severity: 'info',
        code: 'font-fallback',
        elementId: el.id,
        message: `${who}所用字体「${familyLabel(el.font.family)}」没有这些字：${lay.fallback.join(' ')}，已改用随附的思源字体显示，笔画风格会略有不同`,
      });
  }
  return out;
}
