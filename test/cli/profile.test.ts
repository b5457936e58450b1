import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchReport } from '../../main/core/batch.js';
import { studio } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { SANMING_PROFILE_FILE as PROFILE } from '../helpers/profile.js';

const dir = join(OUT_DIR, 'cli-profile');
const p = (name: string) => join(dir, name);
const flat = (s: string) => s.replace(/\s/g, '');

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('render and preflight with the unit profile', () => {
  it('a template sample left in place stops the render with exit 3, naming each one; nothing is written', async () => {
    writeFileSync(p('keep.pdf'), 'previous file');
    const r = await studio(['render', '--template', 'poster-a2-red', '--out', p('keep.pdf')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('设计中还有模板的示例内容，没有输出文件');
    expect(r.stderr).toContain('「单位名称」还是模板示例「××市公安局反诈中心」');
    expect(r.stderr).toContain('「二维码」还是模板的示例二维码');
    expect(r.stderr).toContain('--allow-placeholder');
    expect(readFileSync(p('keep.pdf'), 'utf8')).toBe('previous file');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('--allow-placeholder makes the proof anyway', async () => {
    const r = await studio(['render', '--template', 'poster-a2-red', '--allow-placeholder', '--out', p('proof.pdf')]);
    expect(r.code).toBe(0);
    expect(flat(PdfReader.open(p('proof.pdf')).text())).toContain('××市公安局反诈中心');
  });

  it('--profile fills the unit, hotlines, QR, logo and mascot; --set still wins', async () => {
    const r = await studio([
      'render',
      '--template',
      'sign-board-600x800-blue',
      '--profile',
      PROFILE,
      '--set',
      'title=菜市场反诈宣传点',
      '--out',
      p('board.pdf'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdf = PdfReader.open(p('board.pdf'));
    const text = flat(pdf.text());
    expect(text).toContain('三明市公安局三元分局列东派出所');
    expect(text).toContain('0598-1234110');
    expect(text).toContain('菜市场反诈宣传点');
    pdf.close();
  });

  it('preflight: exit 3 listing the samples; exit 0 with the profile', async () => {
    const bare = await studio(['preflight', '--template', 'tag-hanging-70x100-fresh', '--json']);
    expect(bare.code).toBe(3);
    const rep = JSON.parse(bare.stdout) as { findings: { code: string; elementId: string }[] };
    expect(rep.findings.filter((f) => f.code === 'placeholder').map((f) => f.elementId)).toEqual(['unit', 'qr']);
    const filled = await studio(['preflight', '--template', 'tag-hanging-70x100-fresh', '--profile', PROFILE]);
    expect(filled.code).toBe(0);
    expect(filled.stdout).toContain('未发现问题');
  });

  it('a missing or broken profile file is a clear error (exit 1)', async () => {
    const missing = await studio([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      p('nope.json'),
      '--out',
      p('x.pdf'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到本单位信息文件');
    writeFileSync(
      p('bad-profile.json'),
      JSON.stringify({ schema: 'campaign-studio/profile', version: 1, qr: { app: 5 } }),
    );
    const bad = await studio([
      'render',
      '--template',
      'poster-a2-red',
      '--profile',
      p('bad-profile.json'),
      '--out',
      p('x.pdf'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('qr.app');
    expect(existsSync(p('x.pdf'))).toBe(false);
  });
});

describe('batch with the unit profile', () => {
  const csv = (rows: string[]) => {
    const f = p(`table-${rows.length}-${Math.random().toString(36).slice(2, 8)}.csv`);
    writeFileSync(f, ['标语,单位名称', ...rows].join('\n'));
    return f;
  };
  const rows = ['白菜青菜油麦菜、莫给骗子当韭菜,', '乌鸡土鸡大公鸡、听说转账就挂机,城关派出所'];

  it('rows that would print a template sample fail, listed by row, and the others are made', async () => {
    const r = await studio(['batch', '--template', 'poster-a3-blue', '--data', csv(rows), '--out', p('b1'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as BatchReport;
    expect(report.failures.map((f) => f.row)).toEqual([1, 2]);
    expect(report.failures[1]!.reason).toMatch(
      /^还是模板的示例内容：「二维码」。请在表格中填写这些列，或提供本单位信息/,
    );
  });

  it('--profile fills every row; an empty cell keeps the profile value, a filled one overrides it', async () => {
    const r = await studio([
      'batch',
      '--template',
      'poster-a3-blue',
      '--profile',
      PROFILE,
      '--data',
      csv(rows),
      '--out',
      p('b2'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as BatchReport;
    const texts = report.outputs.map((o) => flat(PdfReader.open(o.path).text()));
    expect(texts[0]).toContain('三明市公安局三元分局列东派出所');
    expect(texts[1]).toContain('城关派出所');
    expect(texts[1]).not.toContain('列东派出所');
  });

  it('--allow-placeholder makes the proofs', async () => {
    const r = await studio([
      'batch',
      '--template',
      'poster-a3-blue',
      '--data',
      csv(rows),
      '--out',
      p('b3'),
      '--allow-placeholder',
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(p('b3'))).toHaveLength(2);
  });
});
