import { describe, expect, it } from 'vitest';
import type { Sample } from '../../main/core/library.js';
import { draftOf, fieldErrors, patchOf } from '../../renderer/src/data/sample-draft.js';

/* The detail panel's metadata form as a draft (renderer/src/data/sample-draft.ts). */

const stored = {
  id: 's1',
  title: '多宝鱼防骗贴纸',
  kind: 'sticker',
  format: '圆形贴纸 40 mm',
  publishedAt: '2026-01-05',
  unit: '城关派出所',
  location: '',
  channel: '',
  fraudTypes: ['rebate'],
  tags: ['鱼市', '春季'],
  slogan: '防骗',
  notes: '',
} as unknown as Sample;

describe('sample draft', () => {
  it('starts from what is stored, tags as one line', () => {
    expect(draftOf(stored)).toMatchObject({ title: '多宝鱼防骗贴纸', tags: '鱼市，春季', fraudTypes: ['rebate'] });
    expect(patchOf(stored, draftOf(stored))).toEqual({});
  });

  it('sends only what changed; tags split on any comma or space, repeats dropped', () => {
    const d = { ...draftOf(stored), location: '南门鱼市', tags: '鱼市, 春季、 春季；集市', fraudTypes: [] };
    expect(patchOf(stored, d)).toEqual({ location: '南门鱼市', fraudTypes: [], tags: ['鱼市', '春季', '集市'] });
    expect(patchOf(stored, { ...draftOf(stored), tags: ' 鱼市 春季 ' })).toEqual({});
  });

  it('turns the main side’s refusals into one Chinese error per field', () => {
    expect(
      fieldErrors([
        '标题（meta.title）：标题不能为空',
        '标题（meta.title）：太长',
        '发布日期（meta.publishedAt）：日期应为 YYYY-MM-DD',
        '其他：没有字段',
      ]),
    ).toEqual({ title: '标题：标题不能为空', publishedAt: '发布日期：日期应为 YYYY-MM-DD' });
  });
});
