import { describe, expect, it } from 'vitest';
import { API, API_METHODS, isApiMethod, isLarge, resultSchema } from '../../main/core/api.js';
import { formatPath } from '../../main/core/index.js';
import { design, textEl } from '../helpers/designs.js';

/** The paths of every issue zod finds, as the user reads them. */
function paths(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  input: unknown,
): string[] {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => formatPath(i.path));
}

const poster = () => design({ elements: [textEl({ text: '白菜青菜油麦菜、莫给骗子当韭菜' })] });

describe('API contract', () => {
  it('lists every method the design flow calls (library and batch groups add theirs)', () => {
    expect(API_METHODS).toEqual(
      expect.arrayContaining([
        'cancelJob',
        'checkSlogan',
        'convertScript',
        'exportDesign',
        'getTemplate',
        'jobStatus',
        'listFormats',
        'listTemplates',
        'newDesignFromFormat',
        'openDesign',
        'preflight',
        'previewSvg',
        'saveDesign',
        'suggestSlogans',
      ]),
    );
    expect(isApiMethod('previewSvg')).toBe(true);
    expect(isApiMethod('constructor')).toBe(false);
    expect(isLarge('previewSvg')).toBe(true);
    expect(isLarge('checkSlogan')).toBe(false);
    // One status and one cancel for every job: no twins per kind.
    expect(API_METHODS.filter((m) => /status/i.test(m))).toEqual(['jobStatus']);
    expect(API_METHODS.filter((m) => /cancel/i.test(m))).toEqual(['cancelJob']);
    for (const m of ['exportDesign', 'startBatch', 'libraryImport', 'libraryExportBundle', 'publishDesign'] as const)
      expect(Object.keys((API[m].output as unknown as { shape: object }).shape)).toEqual(['jobId']);
  });

  it('accepts good input', () => {
    expect(API.exportDesign.input.parse({ design: poster(), format: 'pdf', cmyk: true }).format).toBe('pdf');
    expect(API.previewSvg.input.parse({ design: poster() }).design.elements).toHaveLength(1);
    expect(API.suggestSlogans.input.parse({ goods: 'vegetables' }).count).toBe(10);
    expect(API.convertScript.input.parse({ text: '骗子', to: 'traditional' })).toEqual({
      text: '骗子',
      to: 'traditional',
    });
    expect(API.listTemplates.input.parse({})).toEqual({});
  });

  it('rejects a bad design with the path of the bad field', () => {
    const d = poster() as unknown as { elements: { box: { w: number } }[] };
    d.elements[0]!.box.w = -5;
    expect(paths(API.exportDesign.input, { design: d, format: 'png' })).toContain('design.elements[0].box.w');
    expect(paths(API.previewSvg.input, { design: { ...poster(), schema: 'other' } })).toContain('design.schema');
  });

  it('rejects bad options by name', () => {
    expect(paths(API.exportDesign.input, { design: poster(), format: 'gif' })).toEqual(['format']);
    expect(paths(API.exportDesign.input, { design: poster(), format: 'png', dpi: 5000 })).toEqual(['dpi']);
    expect(paths(API.exportDesign.input, { design: poster(), format: 'png', dpi: 100, widthPx: 800 })).toEqual([
      'widthPx',
    ]);
    expect(paths(API.exportDesign.input, { design: poster(), format: 'png', evil: 1 })).toEqual(['(根)']);
    expect(paths(API.suggestSlogans.input, { goods: 'cars' })).toEqual(['goods']);
    expect(paths(API.suggestSlogans.input, { fraudTypes: ['rebate'] })).toEqual(['goods']);
    expect(paths(API.suggestSlogans.input, { goods: 'fish', count: 0 })).toEqual(['count']);
    expect(paths(API.checkSlogan.input, { text: '  ' })).toEqual(['text']);
    expect(paths(API.getTemplate.input, { id: '../etc/passwd' })).toEqual(['id']);
    expect(paths(API.jobStatus.input, { jobId: 'x' })).toEqual(['jobId']);
    expect(paths(API.openDesign.input, { text: '{}' })).toEqual(['uploadId', '(根)']);
  });

  it('messages are Chinese', () => {
    const r = API.exportDesign.input.safeParse({ design: poster(), format: 'gif' });
    expect(r.error?.issues[0]?.message).toMatch(/导出格式/);
    const s = API.checkSlogan.input.safeParse({ text: '' });
    expect(s.error?.issues[0]?.message).toBe('请输入标语');
  });

  it('result envelopes', () => {
    expect(resultSchema('cancelJob').safeParse({ ok: true, value: { cancelled: true } }).success).toBe(true);
    // Error codes are a closed set: a program can branch on them.
    expect(resultSchema('cancelJob').safeParse({ ok: false, error: { code: 'busy', message: '错误' } }).success).toBe(
      true,
    );
    expect(resultSchema('cancelJob').safeParse({ ok: false, error: { code: 'x', message: '错误' } }).success).toBe(
      false,
    );
    expect(resultSchema('cancelJob').safeParse({ ok: true, value: { cancelled: 'yes' } }).success).toBe(false);
  });
});

describe('sample metadata edits', () => {
  it('a patch keeps absent fields absent, so publishing or editing never blanks them', async () => {
    const { SampleMetaPatchSchema } = await import('../../main/core/library.js');
    expect(SampleMetaPatchSchema.parse({ title: '新标题' })).toEqual({ title: '新标题' });
    expect(API.publishDesign.input.parse({ design: poster(), meta: { unit: '城关派出所' } }).meta).toEqual({
      unit: '城关派出所',
    });
  });
});
