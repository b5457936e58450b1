import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchRowResult, BatchTable } from '../../../main/core/batch.js';
import { designFromTemplate } from '../../../main/core/index.js';
import { runBatch } from '../../../main/engine/batch/run-batch.js';
import { getTemplate } from '../../../main/engine/templates.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { zipEntries } from '../../helpers/zip-entries.js';

const root = join(OUT_DIR, 'batch-run');
const banner = designFromTemplate(getTemplate('banner-yellow-500x70')); // slots: slogan 标语, unit 单位名称
const SLOGANS = [
  '白菜青菜油麦菜、莫给骗子当韭菜',
  '乌鸡土鸡大公鸡、听说转账就挂机',
  '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
];
const unit = (row: number) => `第${row}派出所`;

/** 20 stations; row 5 has no slogan, row 12 a slogan far too long for the banner. */
function stations(): BatchTable {
  const rows = Array.from({ length: 20 }, (_, i) => [unit(i + 1), SLOGANS[i % 3]!]);
  rows[4]![1] = '';
  rows[11]![1] = '转账之前多核实'.repeat(20);
  return { columns: ['单位', '标语'], rows };
}
const dir = (name: string) => {
  const d = join(root, name);
  rmSync(d, { recursive: true, force: true });
  return d;
};
const leftovers = (d: string) => readdirSync(d).filter((f) => f.includes('.tmp-'));
const text = (pdf: PdfReader, page?: number) => pdf.text(page).replace(/\s/g, '');

beforeAll(() => mkdirSync(root, { recursive: true }));

describe('runBatch: one PDF per row', () => {
  it('fails exactly the empty-slogan and overflowing rows, by number, and makes real PDFs of the rest', async () => {
    const out = dir('pdf');
    const events: BatchRowResult[] = [];
    const progress: number[] = [];
    const r = await runBatch(
      { design: banner, table: stations(), outDir: out, settings: { namePattern: '{序号}-{单位}-横幅' } },
      { onRow: (e) => events.push(e), onProgress: (d, t) => (expect(t).toBe(20), progress.push(d)) },
    );
    expect(r.failures.map((f) => f.row)).toEqual([5, 12]);
    expect(r.failures[0]!.reason).toBe('「标语」为空（列「标语」）');
    expect(r.failures[1]!.reason).toContain('「标语」的文字太长');
    expect(r.cancelled).toBe(false);
    expect(r.outputs).toHaveLength(18);
    expect(events.map((e) => `${e.row}${e.status[0]}`)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${i + 1}${i === 4 || i === 11 ? 'f' : 'd'}`),
    );
    expect(progress.at(-1)).toBe(20);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(r.outputs[0]).toEqual({
      row: 1,
      path: join(out, '01-第1派出所-横幅.pdf'),
      fileName: '01-第1派出所-横幅.pdf',
    });
    for (const o of r.outputs) {
      const pdf = PdfReader.open(o.path);
      expect(pdf.pageCount).toBe(1);
      expect(text(pdf)).toContain(unit(o.row));
      expect(text(pdf)).toContain(SLOGANS[(o.row - 1) % 3]!.split('、')[1]);
      pdf.close();
    }
    expect(readdirSync(out).sort()).toEqual(r.outputs.map((o) => o.fileName).sort());
  });

  it('refuses before writing anything when the pattern names a missing column or no column fits a slot', async () => {
    const out = dir('refused');
    await expect(
      runBatch({ design: banner, table: stations(), outDir: out, settings: { namePattern: '{派出所}' } }),
    ).rejects.toThrow(/\{派出所\} 不是表格的列名/);
    await expect(
      runBatch({ design: banner, table: { columns: ['备注'], rows: [['x']] }, outDir: out }),
    ).rejects.toThrow(/没有一列能对应到模板的槽位/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails a row with a character no font has, naming the slot', async () => {
    const r = await runBatch({
      design: banner,
      table: { columns: ['单位', '标语'], rows: [['城关\u{E000}派出所', SLOGANS[0]!]] },
      outDir: dir('glyph'),
    });
    expect(r.failures).toEqual([{ row: 1, reason: expect.stringContaining('「单位名称」中有字体缺少的字符') }]);
  });

  it('skips blank rows without failing them', async () => {
    const table = stations();
    table.rows[2] = ['', ''];
    const r = await runBatch({
      design: banner,
      table: { ...table, rows: table.rows.slice(0, 4) },
      outDir: dir('blank'),
    });
    expect([r.skipped, r.failures, r.outputs.map((o) => o.row)]).toEqual([[3], [], [1, 2, 4]]);
  });
});

describe('runBatch: single PDF and zip', () => {
  it('puts the rows that succeeded on the pages of one PDF, in table order', async () => {
    const out = dir('single');
    const r = await runBatch({
      design: banner,
      table: stations(),
      outDir: out,
      settings: { output: 'single-pdf', bundleName: '城关分局横幅' },
    });
    expect(r.pdfPath).toBe(join(out, '城关分局横幅.pdf'));
    const pdf = PdfReader.open(r.pdfPath!);
    expect(pdf.pageCount).toBe(18);
    const rows = r.outputs.map((o) => o.row);
    expect(rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 1).filter((n) => n !== 5 && n !== 12));
    r.outputs.forEach((o) => expect(text(pdf, o.page! - 1)).toContain(unit(o.row)));
    pdf.close();
    expect(readdirSync(out)).toEqual(['城关分局横幅.pdf']);
  });

  it('zips every output with 报告.txt listing the failed rows, and leaves no staging behind', async () => {
    const out = dir('zip');
    const r = await runBatch({
      design: banner,
      table: stations(),
      outDir: out,
      tableName: '/x/名单.csv',
      settings: { zip: true },
    });
    expect(r.zipPath).toBe(join(out, `${banner.name}-批量.zip`));
    expect(readdirSync(out)).toEqual([`${banner.name}-批量.zip`]);
    const entries = await zipEntries(r.zipPath!);
    expect([...entries.keys()].filter((n) => n.endsWith('.pdf'))).toHaveLength(18);
    expect(entries.has('01-第1派出所.pdf')).toBe(true);
    const report = entries.get('报告.txt')!.toString('utf8');
    expect(report).toContain('表格：名单.csv');
    expect(report).toContain('第 5 行（表格第 6 行）：「标语」为空');
    expect(report).toContain('第 12 行（表格第 13 行）：「标语」的文字太长');
    expect(r.outputs[0]!.path).toBe('01-第1派出所.pdf');
  });
});

describe('runBatch: cancel', () => {
  it('stops after the current row: finished files stay whole, nothing partial, no zip', async () => {
    const out = dir('cancel');
    const ac = new AbortController();
    const r = await runBatch(
      { design: banner, table: stations(), outDir: out },
      { signal: ac.signal, onRow: (e) => e.row === 3 && ac.abort() },
    );
    expect(r.cancelled).toBe(true);
    expect(r.outputs.map((o) => o.row)).toEqual([1, 2, 3]);
    expect(readdirSync(out).sort()).toEqual(r.outputs.map((o) => o.fileName).sort());
    expect(leftovers(out)).toEqual([]);

    const zipOut = dir('cancel-zip');
    const ac2 = new AbortController();
    const z = await runBatch(
      { design: banner, table: stations(), outDir: zipOut, settings: { zip: true } },
      { signal: ac2.signal, onRow: (e) => e.row === 3 && ac2.abort() },
    );
    expect([z.cancelled, z.zipPath]).toEqual([true, undefined]);
    expect(readdirSync(zipOut)).toEqual([]);
  });

  it('abandons the single PDF while it is being written, leaving no file', async () => {
    const out = dir('cancel-single');
    const ac = new AbortController();
    const r = await runBatch(
      { design: banner, table: stations(), outDir: out, settings: { output: 'single-pdf' } },
      { signal: ac.signal, onProgress: (d) => d > 22 && ac.abort() },
    );
    expect([r.cancelled, r.pdfPath, r.outputs]).toEqual([true, undefined, []]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('runBatch: images, QR content and raster output', () => {
  it('fills photo slots from paths relative to the table, failing a missing or broken image and an over-long QR text', async () => {
    const base = dir('photos');
    mkdirSync(base, { recursive: true });
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } })
      .jpeg()
      .toFile(join(base, 'stall.jpg'));
    writeFileSync(join(base, 'broken.png'), 'not an image');
    const design = designFromTemplate(getTemplate('poster-50x70-photo'));
    const table: BatchTable = {
      columns: ['单位名称', '标语', '照片', '二维码', '日期', '地点'],
      rows: [
        ['城关派出所', SLOGANS[0]!, 'stall.jpg', 'https://example.invalid/app', '5月20日', '城关菜市场'],
        ['东关派出所', SLOGANS[1]!, 'missing.jpg', '', '5月20日', '东关菜市场'],
        ['西城派出所', SLOGANS[2]!, 'broken.png', '', '5月20日', '西城菜市场'],
        ['南湖派出所', SLOGANS[0]!, '', 'x'.repeat(1300), '5月20日', '南湖菜市场'],
      ],
    };
    const r = await runBatch({ design, table, outDir: join(base, 'out'), baseDir: base });
    expect(r.outputs.map((o) => o.row)).toEqual([1]);
    expect(r.failures.map((f) => f.row)).toEqual([2, 3, 4]);
    expect(r.failures[0]!.reason).toContain('无法读取图片');
    expect(r.failures[1]!.reason).toContain('无法使用');
    // Named by slot and column, not by the design's field path (elements[3].content).
    expect(r.failures[2]!.reason).toBe('「二维码」（列「二维码」）二维码内容过长，此格有 1300 字');
    const pdf = PdfReader.open(r.outputs[0]!.path);
    expect(text(pdf)).toContain('城关派出所');
    pdf.close();
  });

  it('names an over-long cell by its slot and column (the row by its number), not by a design path', async () => {
    const table: BatchTable = { columns: ['单位', '标语'], rows: [['城关派出所', '莫给骗子当韭菜'.repeat(300)]] };
    const r = await runBatch({ design: banner, table, outDir: dir('long-cell') });
    expect(r.failures).toEqual([{ row: 1, reason: '「标语」（列「标语」）文字过长（至多 2000 字），此格有 2100 字' }]);
  });

  it('writes one PNG per row at the dpi asked for', async () => {
    const out = dir('png');
    const design = designFromTemplate(getTemplate('sticker-round-red-40'));
    const r = await runBatch({
      design,
      table: { columns: ['标语'], rows: [[SLOGANS[0]!], [SLOGANS[1]!]] },
      outDir: out,
      settings: { output: 'png', dpi: 150 },
    });
    expect(r.outputs.map((o) => o.fileName)).toEqual([
      '1-白菜青菜油麦菜、莫给骗子当韭菜.png',
      '2-乌鸡土鸡大公鸡、听说转账就挂机.png',
    ]);
    const m = await sharp(r.outputs[0]!.path).metadata();
    expect([m.format, m.width, m.density]).toEqual(['png', Math.ceil((40 / 25.4) * 150), 150]);
  });
});
