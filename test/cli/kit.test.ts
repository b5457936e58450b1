import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../main/engine/batch/xlsx.js';
import { studio } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { SANMING_PROFILE_FILE as PROFILE } from '../helpers/profile.js';
import { zipEntries } from '../helpers/zip-entries.js';

const dir = join(OUT_DIR, 'cli-kit');
const p = (name: string) => join(dir, name);

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('campaign-studio impose', () => {
  it('imposes template pieces by count on A3 and reports sheets and waste', async () => {
    const r = await studio([
      'impose',
      '--sheet',
      'a3',
      '--item',
      'sticker-round-red-40:30',
      '--item',
      'tag-hanging-70x100-fresh:5',
      '--profile',
      PROFILE,
      '--out',
      p('拼版.pdf'),
      '--gap',
      '4',
      '--json',
    ]);
    expect(r.stderr).not.toMatch(/错误/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { sheets: number; pieces: number; wastePct: number; perSheet: number[] };
    expect(report.pieces).toBe(35);
    expect(report.perSheet.reduce((a, b) => a + b, 0)).toBe(35);
    expect(report.wastePct).toBeGreaterThan(0);
    expect(PdfReader.open(p('拼版.pdf')).pageCount).toBe(report.sheets);
  });

  it('turns tags 90° where that saves a sheet; --no-rotate keeps them upright', async () => {
    const args = ['impose', '--sheet', 'sra3', '--item', 'tag-hanging-70x100-fresh:28', '--profile', PROFILE];
    const turned = await studio([...args, '--out', p('吊牌.pdf')]);
    expect(turned.code).toBe(0);
    // 14 a sheet (10 upright, 4 lying down under them) against 12 when nothing turns.
    expect(turned.stdout).toContain('2 张 SRA3');
    expect(turned.stdout).toContain('其中 8 件转 90° 排');
    const upright = await studio([...args, '--no-rotate', '--out', p('吊牌-不旋转.pdf'), '--json']);
    expect(upright.code).toBe(0);
    const r = JSON.parse(upright.stdout) as { sheets: number; perSheet: number[]; items: { rotated: number }[] };
    expect(r).toMatchObject({ sheets: 3, perSheet: [12, 12, 4], items: [{ rotated: 0 }] });
    expect(PdfReader.open(p('吊牌-不旋转.pdf')).pageCount).toBe(3);
  });

  it('usage mistakes exit 2; a piece with samples exits 3 and writes nothing', async () => {
    expect((await studio(['impose', '--out', p('x.pdf')])).code).toBe(2);
    expect((await studio(['impose', '--item', 'sticker-round-red-40:0', '--out', p('x.pdf')])).code).toBe(2);
    const r = await studio(['impose', '--item', 'tag-hanging-70x100-fresh:4', '--out', p('samples.pdf')]);
    expect(r.code).toBe(3);
    expect(existsSync(p('samples.pdf'))).toBe(false);
    const unknown = await studio(['impose', '--sheet', 'b9', '--item', 'sticker-round-red-40', '--out', p('x.pdf')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('纸张「b9」无法识别');
  });
});

describe('campaign-studio kit', () => {
  it('market: a CSV of stalls → the whole set and the delivery zip', async () => {
    writeFileSync(p('摊位表.csv'), '摊位,商品\n鱼摊,鲫鱼 草鱼\n菜摊,白菜 青菜\n禽摊,乌鸡 土鸡\n');
    const r = await studio([
      'kit',
      'market',
      '--stalls',
      p('摊位表.csv'),
      '--out',
      p('小铺'),
      '--profile',
      PROFILE,
      '--name',
      '列东菜市场',
    ]);
    expect(r.stderr).not.toMatch(/错误|未完成/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\. 鱼摊：鲫鱼草鱼/);
    for (const f of ['摊位展板/03-禽摊-摊位展板.pdf', '拼版/贴纸-A3拼版.pdf', '制作单.xlsx', '列东菜市场-交付包.zip'])
      expect(existsSync(p(`小铺/${f}`)), f).toBe(true);
    // Progress went to stderr as the steps were made.
    expect(r.stderr).toMatch(/制作中 \d+\/\d+/);
  }, 60_000);

  it('grid: a text list of audiences → a folder each', async () => {
    writeFileSync(p('人群.txt'), '老年人\n学生\n');
    const r = await studio(['kit', 'grid', '--audiences', p('人群.txt'), '--out', p('宣防包'), '--profile', PROFILE]);
    expect(r.code).toBe(0);
    expect(readFileSync(p('宣防包/02-学生/群消息.txt'), 'utf8')).toContain('96110');
  }, 60_000);

  it('kit without a kind, or a stall list without its columns, is refused with what to do', async () => {
    expect((await studio(['kit'])).code).toBe(2);
    writeFileSync(p('坏表.csv'), '名字,电话\n张三,123\n');
    const r = await studio(['kit', 'market', '--stalls', p('坏表.csv'), '--out', p('坏'), '--profile', PROFILE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('摊位表需要「摊位」和「商品」两列');
    expect(existsSync(p('坏'))).toBe(false);
  });
});

describe('campaign-studio order', () => {
  it('any designs → their print PDFs, the order as PDF and XLSX with each quantity, one zip for the shop', async () => {
    const r = await studio([
      'order',
      '--item',
      'banner-red-600x70',
      '--item',
      'sticker-round-red-40:200',
      '--job',
      '列东派出所六月宣传',
      '--profile',
      PROFILE,
      '--date',
      '2026-06-01',
      '--out',
      p('交付'),
    ]);
    expect(r.stderr).not.toMatch(/错误|未完成/);
    expect(r.code).toBe(0);
    const zip = await zipEntries(p('交付/列东派出所六月宣传-交付包.zip'));
    const names = [...zip.keys()].sort();
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.endsWith('.pdf') && !n.startsWith('制作单'))).toHaveLength(2);
    expect(names).toContain('制作单.xlsx');
    const rows = await readXlsx(zip.get('制作单.xlsx')!, '制作单');
    const text = rows.map((row) => row.join('|')).join('\n');
    expect(text).toContain('直径 4 cm');
    expect(text).toContain('不干胶');
    expect(text).toContain('200');
    expect(text).toContain('喷绘布');
    // Each print file is the design at its finished size with its bleed.
    const sticker = names.find((n) => n.startsWith('02-'))!;
    const pdf = PdfReader.open(p(`交付/${sticker}`));
    expect(pdf.pageCount).toBe(1);
  }, 60_000);

  it('samples left (no profile) exit 3 before anything is made', async () => {
    const r = await studio(['order', '--item', 'tag-hanging-70x100-fresh:20', '--out', p('样稿')]);
    expect(r.code).toBe(3);
    expect(existsSync(p('样稿'))).toBe(false);
  });
});
