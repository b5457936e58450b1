import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchReport } from '../../main/core/batch.js';
import { studio } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { makeXlsx } from '../engine/batch/xlsx-fixture.js';

const dir = join(OUT_DIR, 'cli-batch');
const GBK = join(import.meta.dirname, '..', 'fixtures', 'batch', '派出所-gbk.csv');
const out = (name: string) => join(dir, name);
const BANNER = ['batch', '--template', 'banner-yellow-500x70'];

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('campaign-studio batch', () => {
  it('reads a GBK CSV, makes a PDF per row and exits 1 listing the failed row by its data-row number', async () => {
    const r = await studio([...BANNER, '--data', GBK, '--out', out('gbk'), '--name', '{单位}-横幅']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('有 1 行失败');
    expect(r.stderr).toContain('第 2 行（表格第 3 行）：「标语」为空（列「标语」）');
    expect(r.stdout).toContain('已生成 3 行（共 4 行数据）');
    expect(readdirSync(out('gbk')).sort()).toEqual([
      '南湖派出所-横幅.pdf',
      '城关派出所-横幅.pdf',
      '西城派出所-横幅.pdf',
    ]);
    const pdf = PdfReader.open(join(out('gbk'), '西城派出所-横幅.pdf'));
    expect(pdf.text().replace(/\s/g, '')).toContain('西城派出所');
    pdf.close();
  });

  it('exits 0 for an XLSX whose rows all succeed, with --json giving the report', async () => {
    const xlsx = out('名单.xlsx');
    writeFileSync(
      xlsx,
      await makeXlsx({
        sheets: [
          {
            name: '名单',
            rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>',
          },
        ],
        sharedStrings: ['标语', '单位名称', '白菜青菜油麦菜、莫给骗子当韭菜', '城关派出所'],
      }),
    );
    const r = await studio([...BANNER, '--data', xlsx, '--out', out('xlsx'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BatchReport;
    expect(report.outputs.map((o) => o.fileName)).toEqual(['1-城关派出所.pdf']);
    expect(report.failures).toEqual([]);
  });

  it('--single-pdf makes one PDF with a page per successful row', async () => {
    const r = await studio([...BANNER, '--data', GBK, '--out', out('single'), '--single-pdf']);
    expect(r.code).toBe(1);
    const files = readdirSync(out('single'));
    expect(files).toHaveLength(1);
    const pdf = PdfReader.open(join(out('single'), files[0]!));
    expect(pdf.pageCount).toBe(3);
    expect(pdf.text(2).replace(/\s/g, '')).toContain('南湖派出所');
    pdf.close();
    expect(r.stdout).toContain('合并为 3 页');
  });

  it('--zip puts everything in one zip and --format png makes images', async () => {
    const z = await studio([...BANNER, '--data', GBK, '--out', out('zip'), '--zip']);
    expect(z.code).toBe(1);
    expect(readdirSync(out('zip'))).toEqual([expect.stringMatching(/-批量\.zip$/)]);
    const p = await studio([
      'batch',
      '--template',
      'sticker-round-red-40',
      '--data',
      GBK,
      '--out',
      out('png'),
      '--format',
      'png',
      '--dpi',
      '100',
    ]);
    expect(p.code).toBe(1);
    expect(readdirSync(out('png')).filter((f) => f.endsWith('.png'))).toHaveLength(3);
  });

  it('exits 2 for usage errors and 1 for a bad table, in Chinese', async () => {
    const cases: [string[], number, RegExp][] = [
      [[...BANNER, '--out', out('u')], 2, /需要 --data/],
      [[...BANNER, '--data', GBK], 2, /需要 --out/],
      [[...BANNER, '--data', GBK, '--out', out('u'), '--format', 'gif'], 2, /--format 应为/],
      [[...BANNER, '--data', GBK, '--out', out('u'), '--format', 'png', '--single-pdf'], 2, /--single-pdf 只能与 PDF/],
      [[...BANNER, '--data', GBK, '--out', out('u'), '--dpi', '100'], 2, /--dpi 只用于图片格式/],
      [['batch', '--data', GBK, '--out', out('u')], 2, /需要 --template/],
      [[...BANNER, '--data', out('nope.csv'), '--out', out('u')], 1, /无法读取表格 nope.csv/],
      [[...BANNER, '--data', GBK, '--out', out('u'), '--name', '{派出所}'], 1, /\{派出所\} 不是表格的列名/],
    ];
    for (const [args, code, msg] of cases) {
      const r = await studio(args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([code, expect.stringMatching(msg)]);
    }
    expect(existsSync(out('u'))).toBe(false);
  });

  it('is in the help text', async () => {
    const r = await studio(['help']);
    expect(r.stdout).toContain('campaign-studio batch');
  });
});
