import { describe, expect, it } from 'vitest';
import { defaultNamePattern } from '../../../main/core/batch.js';
import { designFromTemplate } from '../../../main/core/index.js';
import { resolveMapping, rowAssignments } from '../../../main/engine/batch/mapping.js';
import { getTemplate } from '../../../main/engine/templates.js';

// poster-a2-red: title 标题, slogan 标语, hotline 反诈专线, unit 单位名称, qr 二维码.
const poster = designFromTemplate(getTemplate('poster-a2-red'));
const columnOf = (m: ReturnType<typeof resolveMapping>) => Object.fromEntries(m.slots.map((s) => [s.slot, s.column]));

describe('resolveMapping', () => {
  it('matches a header to a slot by name or label, ignoring case, spaces and full-width forms', () => {
    const m = resolveMapping(poster, { columns: ['SLOGAN', '单位名称', ' 二维码 ', 'ｔｉｔｌｅ', '备注'] });
    expect(columnOf(m)).toEqual({
      title: 'ｔｉｔｌｅ',
      slogan: 'SLOGAN',
      hotline: null,
      unit: '单位名称',
      qr: ' 二维码 ',
    });
    expect(m.unusedColumns).toEqual(['备注']);
  });
  it('falls back to the usual words (单位, 口号, 热线), an exact match first, each column once', () => {
    const m = resolveMapping(poster, { columns: ['单位', '口号', '热线', '标语'] });
    expect(columnOf(m)).toMatchObject({ slogan: '标语', unit: '单位', hotline: '热线' });
    expect(m.unusedColumns).toEqual(['口号']);
  });
  it('takes overrides slot by slot, null leaving the template text, and names bad ones', () => {
    const m = resolveMapping(poster, { columns: ['单位', '标语', '横幅文字'] }, { slogan: '横幅文字', unit: null });
    expect(columnOf(m)).toMatchObject({ slogan: '横幅文字', unit: null });
    expect(m.unusedColumns).toEqual(['单位', '标语']);
    expect(() => resolveMapping(poster, { columns: ['标语'] }, { photo: '标语' })).toThrow(
      /没有名为「photo」的可填写槽位/,
    );
    expect(() => resolveMapping(poster, { columns: ['标语'] }, { slogan: '口号' })).toThrow(/没有名为「口号」的列/);
  });
  it('gives one row its slot values', () => {
    const columns = ['备注', '标语', '单位'];
    const m = resolveMapping(poster, { columns });
    expect(
      rowAssignments(m, columns, ['x', '白菜青菜油麦菜、莫给骗子当韭菜', '城关派出所']).map(([s, v]) => [s.slot, v]),
    ).toEqual([
      ['slogan', '白菜青菜油麦菜、莫给骗子当韭菜'],
      ['unit', '城关派出所'],
    ]);
  });
});

describe('defaultNamePattern', () => {
  it('prefers the unit column, then title, else the first column', () => {
    const m = resolveMapping(poster, { columns: ['标语', '派出所'] });
    expect(defaultNamePattern(['标语', '派出所'], m)).toBe('{序号}-{派出所}');
    expect(defaultNamePattern(['市场', '标语'])).toBe('{序号}-{市场}');
    expect(defaultNamePattern(['序号', '标语'])).toBe('{序号}');
  });
});
