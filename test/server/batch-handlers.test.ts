import { existsSync, readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiResult, ApiValue } from '../../main/core/api.js';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { createHandlers, type Handlers } from '../../main/server/handlers/index.js';
import { makeXlsx } from '../engine/batch/xlsx-fixture.js';
import { testContext } from '../helpers/context.js';
import { PdfReader } from '../helpers/pdf-reader.js';
import { zipEntries } from '../helpers/zip-entries.js';

/*
 * Batch production through the studio's handlers (issue #6 part 2): tables in (GBK CSV, XLSX),
 * mapping and previews, a 20-row run with a bad row → one zip, cancel, publishing to the library.
 */
const TEMPLATE = 'banner-yellow-500x70'; // slots: slogan 标语, unit 单位名称
const SLOGANS = [
  '白菜青菜油麦菜、莫给骗子当韭菜',
  '乌鸡土鸡大公鸡、听说转账就挂机',
  '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
];
const unitOf = (row: number) => `城关第${row}派出所`;

/** `n` stations; `badRow` (1-based) has an empty slogan. */
function stationsCsv(n: number, badRow?: number): string {
  const lines = ['单位,标语,热线'];
  for (let r = 1; r <= n; r++) lines.push(`${unitOf(r)},${r === badRow ? '' : SLOGANS[r % 3]},96110`);
  return lines.join('\r\n') + '\r\n';
}

let ctx: ReturnType<typeof testContext>;
let h: Handlers;
beforeEach(() => {
  ctx = testContext();
  h = createHandlers(ctx);
});
afterEach(async () => {
  await ctx.dispose();
});

async function ok<M extends ApiMethod>(m: M, input: ApiInput<M>): Promise<ApiValue<M>> {
  const r = (await h[m](input)) as ApiResult<ApiValue<M>>;
  if (!r.ok) throw new Error(`${m}: ${r.error.message} ${r.error.details?.join('；') ?? ''}`);
  return r.value;
}
async function fails(m: ApiMethod, input: unknown): Promise<string> {
  const r = await h[m](input);
  if (r.ok) throw new Error(`${m} should have failed`);
  return r.error.message;
}
const uploadBytes = async (name: string, data: Uint8Array) => (await ctx.uploads.fromBytes(name, data)).uploadId;

async function status(jobId: string): Promise<JobStatusOf<'batch'>> {
  const s = await ok('jobStatus', { jobId });
  if (s.kind !== 'batch') throw new Error(`not a batch: ${s.kind}`);
  return s;
}

async function finished(jobId: string, timeoutMs = 90_000): Promise<JobStatusOf<'batch'>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await status(jobId);
    if (['done', 'error', 'cancelled'].includes(s.state)) return s;
    if (Date.now() > end) throw new Error(`batch still ${s.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('readBatchTable', () => {
  it('reads a GBK CSV from Excel on Chinese Windows and maps 单位/标语 to the slots', async () => {
    const uploadId = await uploadBytes('派出所名单.csv', iconv.encode(stationsCsv(3), 'gbk'));
    const info = await ok('readBatchTable', { uploadId, templateId: TEMPLATE });
    expect(info.fileName).toBe('派出所名单.csv');
    expect(info.columns).toEqual(['单位', '标语', '热线']);
    expect(info.rowCount).toBe(3);
    expect(info.sample[0]).toEqual([unitOf(1), SLOGANS[1], '96110']);
    expect(info.mapping.slots.map((s) => [s.slot, s.label, s.column])).toEqual([
      ['slogan', '标语', '标语'],
      ['unit', '单位名称', '单位'],
    ]);
    expect(info.mapping.unusedColumns).toEqual(['热线']);
    expect(info.namePattern).toBe('{序号}-{单位}');
  });

  it('reads an XLSX with shared strings', async () => {
    const xlsx = await makeXlsx({
      sheets: [
        {
          name: '名单',
          rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>',
        },
      ],
      sharedStrings: ['派出所', '宣传标语', '东关派出所', SLOGANS[0]!],
    });
    const info = await ok('readBatchTable', { uploadId: await uploadBytes('名单.xlsx', xlsx), templateId: TEMPLATE });
    expect(info.columns).toEqual(['派出所', '宣传标语']);
    expect(info.sample).toEqual([['东关派出所', SLOGANS[0]]]);
    expect(info.mapping.slots.find((s) => s.slot === 'unit')!.column).toBe('派出所');
    expect(info.mapping.slots.find((s) => s.slot === 'slogan')!.column).toBe('宣传标语');
  });

  it('says in Chinese what is wrong with bad input', async () => {
    expect(await fails('readBatchTable', { uploadId: 'f'.repeat(32), templateId: TEMPLATE })).toMatch(
      /找不到上传的文件/,
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    expect(
      await fails('readBatchTable', { uploadId: await uploadBytes('旧表.xls', xls), templateId: TEMPLATE }),
    ).toMatch(/旧版 Excel/);
    expect(
      await fails('readBatchTable', { uploadId: await uploadBytes('空.csv', new Uint8Array()), templateId: TEMPLATE }),
    ).toMatch(/空文件/);
    const headerOnly = await uploadBytes('表头.csv', Buffer.from('单位,标语\n'));
    expect(await fails('readBatchTable', { uploadId: headerOnly, templateId: TEMPLATE })).toMatch(/没有数据行/);
    const good = await uploadBytes('ok.csv', Buffer.from(stationsCsv(2)));
    expect(await fails('readBatchTable', { uploadId: good, templateId: 'no-such-template' })).toMatch(
      /没有编号为「no-such-template」的模板/,
    );
    expect(
      await fails('planBatch', { uploadId: good, templateId: TEMPLATE, settings: { namePattern: '{派出所}' } }),
    ).toMatch(/\{派出所\} 不是表格的列名/);
    expect(await fails('previewBatchRows', { uploadId: good, templateId: TEMPLATE, rows: [9] })).toMatch(/没有第 9 行/);
    expect(
      await fails('startBatch', {
        uploadId: good,
        templateId: TEMPLATE,
        settings: { mapping: { slogan: null, unit: null } },
      }),
    ).toMatch(/没有一列能对应/);
  });
});

describe('previews and names', () => {
  it('renders rows as SVG, and names the row that will fail and why', async () => {
    const uploadId = await uploadBytes('a.csv', Buffer.from(stationsCsv(3, 2)));
    const [r1, r2] = await ok('previewBatchRows', { uploadId, templateId: TEMPLATE, rows: [1, 2] });
    expect(r1!.svg).toMatch(/^<svg|^<\?xml/);
    expect(r1!.problem).toBeUndefined();
    expect(r2!.svg).toBeUndefined();
    expect(r2!.problem).toBe('「标语」为空（列「标语」）');
    // Mapping override: the unit slot keeps the template's text.
    const [kept] = await ok('previewBatchRows', { uploadId, templateId: TEMPLATE, rows: [1], mapping: { unit: null } });
    expect(kept!.svg).toBeTruthy();
    const plan = await ok('planBatch', {
      uploadId,
      templateId: TEMPLATE,
      settings: { output: 'png', namePattern: '{单位}-横幅' },
    });
    expect(plan.examples[0]).toEqual({ row: 1, fileName: `${unitOf(1)}-横幅.png` });
    expect(plan.downloadName).toMatch(/\.zip$/);
    const single = await ok('planBatch', { uploadId, templateId: TEMPLATE, settings: { output: 'single-pdf' } });
    expect(single.downloadName).toMatch(/\.pdf$/);
  });

  it('flags text that will not fit already in the preview', async () => {
    const long = '转账之前多核实'.repeat(20);
    const uploadId = await uploadBytes('long.csv', Buffer.from(`单位,标语\n城关派出所,${long}\n`));
    const [r] = await ok('previewBatchRows', { uploadId, templateId: TEMPLATE, rows: [1] });
    expect(r!.svg).toBeTruthy();
    expect(r!.notes.some((n) => n.kind === 'overflow')).toBe(true);
    expect(r!.problem).toBeTruthy();
  });
});

describe('startBatch', () => {
  it('20 rows with one bad row → one zip of 19 PDFs and 报告.txt, the failure named by its row, a failure CSV', async () => {
    const uploadId = await uploadBytes('二十个所.csv', iconv.encode(stationsCsv(20, 7), 'gbk'));
    const t0 = performance.now();
    const { jobId } = await ok('startBatch', {
      uploadId,
      templateId: TEMPLATE,
      settings: { output: 'pdf', namePattern: '{序号}-{单位}-横幅' },
    });
    const s = await finished(jobId);
    console.log(
      `[batch handlers] 20 rows → zip: ${((performance.now() - t0) / 1000).toFixed(2)} s (in-process runner)`,
    );
    expect(s.state).toBe('done');
    expect(s.rowsDone).toBe(20);
    expect(s.succeeded).toBe(19);
    expect(s.failures).toEqual([{ row: 7, reason: '「标语」为空（列「标语」）' }]);
    expect(s.fileName).toMatch(/\.zip$/);
    const entry = ctx.downloads.get(s.downloadId!)!;
    const zip = await zipEntries(entry.path);
    const pdfs = [...zip.keys()].filter((n) => n.endsWith('.pdf'));
    expect(pdfs).toHaveLength(19);
    expect(pdfs).toContain(`01-${unitOf(1)}-横幅.pdf`);
    expect(pdfs.some((n) => n.includes(unitOf(7)))).toBe(false);
    expect(zip.get('报告.txt')!.toString('utf8')).toContain('第 7 行（表格第 8 行）');
    const pdf = PdfReader.open(zip.get(`12-${unitOf(12)}-横幅.pdf`)!);
    expect(pdf.text().replace(/\s/g, '')).toContain(unitOf(12));
    pdf.close();
    const csv = readFileSync(ctx.downloads.get(s.failureReportId!)!.path, 'utf8');
    expect(s.failureReportName).toBe('二十个所-失败的行.csv');
    expect(csv).toContain(`7,8,「标语」为空（列「标语」）,${unitOf(7)},,96110`);
    // Only the zip and the CSV stay in the job's folder.
    expect(readdirSync(`${ctx.jobs.folder}/${jobId}`).sort()).toEqual([s.fileName, s.failureReportName].sort());
  });

  it('single-pdf: one multi-page PDF as the download, a page per good row', async () => {
    const uploadId = await uploadBytes('s.csv', Buffer.from(stationsCsv(4, 2)));
    const s = await finished(
      (await ok('startBatch', { uploadId, templateId: TEMPLATE, settings: { output: 'single-pdf' } })).jobId,
    );
    expect(s.state).toBe('done');
    expect(s.fileName).toMatch(/\.pdf$/);
    const pdf = PdfReader.open(ctx.downloads.get(s.downloadId!)!.path);
    expect(pdf.pageCount).toBe(3);
    pdf.close();
  });

  it('cancel mid-run: no download and no files left', async () => {
    const uploadId = await uploadBytes('c.csv', Buffer.from(stationsCsv(20)));
    const { jobId } = await ok('startBatch', { uploadId, templateId: TEMPLATE, settings: {} });
    for (let i = 0; i < 400 && (await status(jobId)).rowsDone < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await ok('cancelJob', { jobId })).cancelled).toBe(true);
    const s = await finished(jobId);
    expect(s.state).toBe('cancelled');
    expect(s.downloadId).toBeUndefined();
    expect(s.rowsDone).toBeLessThan(20);
    expect(readdirSync(ctx.jobs.folder).filter((f) => f !== 'files')).toEqual([]);
    expect((await ok('cancelJob', { jobId })).cancelled).toBe(false);
  });

  it('publish: every made row becomes a library sample with its unit, file and thumbnail', async () => {
    const uploadId = await uploadBytes('p.csv', Buffer.from(stationsCsv(4, 3)));
    const s = await finished(
      (
        await ok('startBatch', {
          uploadId,
          templateId: TEMPLATE,
          settings: { output: 'png', dpi: 10 },
          publish: { unit: '某某市公安局', publishedAt: '2026-03-15' },
        })
      ).jobId,
    );
    expect(s.state).toBe('done');
    expect(s.published).toBe(3);
    expect(s.publishFailures).toEqual([]);
    const lib = await ctx.library.get();
    expect(lib.count()).toBe(3);
    const rows = lib.db.prepare('SELECT id FROM samples').pluck().all() as string[];
    const samples = rows.map((id) => lib.get(id)!);
    expect(samples.map((x) => x.unit).sort()).toEqual([unitOf(1), unitOf(2), unitOf(4)].sort());
    for (const x of samples) {
      expect(x.publishedAt).toBe('2026-03-15');
      expect(x.tags).toEqual(['批量制作']);
      expect(x.kind).toBe('banner');
      expect(x.files.map((f) => f.role).sort()).toEqual(['design', 'png', 'thumbnail']);
    }
    expect(existsSync(ctx.downloads.get(s.downloadId!)!.path)).toBe(true);
  });
});

describe('on the warm worker pool', () => {
  it('runs the rows off the main thread and delivers the zip; a cancel leaves nothing', async () => {
    const pooled = testContext({ workerFile: inject('workerFile') });
    const hp = createHandlers(pooled);
    const run = async (csv: string, cancelAfterRows?: number) => {
      const uploadId = (await pooled.uploads.fromBytes('w.csv', Buffer.from(csv))).uploadId;
      const r = await hp.startBatch({ uploadId, templateId: TEMPLATE, settings: { output: 'pdf' } });
      if (!r.ok) throw new Error(r.error.message);
      const { jobId } = r.value as { jobId: string };
      for (let i = 0; i < 2000; i++) {
        const s = pooled.jobs.status(jobId) as JobStatusOf<'batch'>;
        if (cancelAfterRows !== undefined && s.rowsDone >= cancelAfterRows && s.state === 'running')
          pooled.jobs.cancel(jobId);
        if (['done', 'error', 'cancelled'].includes(s.state)) return s;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('worker batch did not finish');
    };
    try {
      expect(pooled.jobs.threaded).toBe(true);
      const s = await run(stationsCsv(6, 4));
      expect(s.state).toBe('done');
      expect(s.succeeded).toBe(5);
      expect(s.failures.map((f) => f.row)).toEqual([4]);
      const zip = await zipEntries(pooled.downloads.get(s.downloadId!)!.path);
      expect([...zip.keys()].filter((n) => n.endsWith('.pdf'))).toHaveLength(5);
      const c = await run(stationsCsv(20), 2);
      expect(c.state).toBe('cancelled');
      expect(c.downloadId).toBeUndefined();
      expect(readdirSync(pooled.jobs.folder)).toEqual([s.jobId]); // only the finished first job's folder
    } finally {
      await pooled.dispose();
    }
    expect(existsSync(pooled.jobs.folder)).toBe(false);
  });
});

describe('addBatchImages', () => {
  it('puts photos beside the table so its image cells find them; other files are skipped', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 30, g: 90, b: 200 } } })
      .png()
      .toBuffer();
    const csv =
      '单位,标语,照片\r\n城关派出所,白菜青菜油麦菜、莫给骗子当韭菜,城关.png\r\n东关派出所,乌鸡土鸡大公鸡、听说转账就挂机,东关.png\r\n';
    const uploadId = await uploadBytes('名单.csv', new TextEncoder().encode(csv));
    const templateId = 'poster-50x70-photo';
    const info = await ok('readBatchTable', { uploadId, templateId });
    expect(info.mapping.slots.find((s) => s.slot === 'photo')?.column).toBe('照片');
    // Before the photos arrive, both rows would fail on their missing image.
    const before = await ok('previewBatchRows', { uploadId, templateId, rows: [1, 2] });
    expect(before.map((p) => Boolean(p.problem))).toEqual([true, true]);

    const images = [
      await uploadBytes('城关.png', png),
      await uploadBytes('说明.txt', new TextEncoder().encode('x')),
      await uploadBytes('名单.csv', new TextEncoder().encode('a,b')),
    ];
    expect(await ok('addBatchImages', { uploadId, images })).toEqual({
      added: ['城关.png'],
      skipped: ['说明.txt', '名单.csv'],
    });
    const after = await ok('previewBatchRows', { uploadId, templateId, rows: [1, 2] });
    expect(after[0]!.problem).toBeUndefined();
    expect(after[0]!.svg).toMatch(/data:image\/png;base64,/);
    expect(after[1]!.problem).toMatch(/东关\.png」：找不到这个文件/);
    expect(after[1]!.problem).not.toMatch(/uploads|ENOENT/);
    // The table itself was not replaced by the second 名单.csv.
    expect((await ok('readBatchTable', { uploadId, templateId })).rowCount).toBe(2);
    expect(await fails('addBatchImages', { uploadId, images: [] })).toMatch(/请选择照片/);
  });
});
