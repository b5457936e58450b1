import { mkdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../main/engine/batch/xlsx.js';
import { orderLine, type ProductionOrder } from '../../../main/engine/order/order-lines.js';
import { writeOrderPdf } from '../../../main/engine/order/order-pdf.js';
import { writeOrderXlsx } from '../../../main/engine/order/order-xlsx.js';
import { productionDefaults } from '../../../main/engine/kit/kit-data.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { xmlProblems } from '../../helpers/xml-check.js';
import { zipEntries } from '../../helpers/zip-entries.js';

const DIR = `${OUT_DIR}order/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

async function order(): Promise<ProductionOrder> {
  const d = productionDefaults();
  const thumb = await sharp({ create: { width: 120, height: 160, channels: 3, background: '#0B4DB3' } })
    .png()
    .toBuffer();
  return {
    title: '制作单 — 反诈小铺套装',
    job: '列东菜市场 <反诈小铺> & 宣传',
    unit: '三明市公安局三元分局列东派出所',
    contact: '列东派出所 0598-1234110',
    date: '2026-03-15',
    lines: [
      orderLine(
        {
          file: '摊位展板/01-鱼摊-摊位展板.pdf',
          title: '摊位展板 · 鱼摊',
          kind: 'sign',
          widthMm: 600,
          heightMm: 800,
          quantity: 1,
        },
        d,
      ),
      orderLine(
        {
          file: '拼版/贴纸-A3拼版.pdf',
          title: '贴纸（10 款，每款 50 个）',
          kind: 'sticker',
          widthMm: 50,
          heightMm: 50,
          shape: 'circle',
          quantity: 500,
          imposed: { sheets: 18, sheetLabel: 'A3', sheetWidthMm: 297, sheetHeightMm: 420, pieces: 500, designs: 10 },
        },
        d,
      ),
      orderLine(
        { file: '入口横幅.pdf', title: '入口横幅', kind: 'banner', widthMm: 6000, heightMm: 700, quantity: 1 },
        d,
      ),
    ],
    thumbnails: [thumb, thumb, undefined],
  };
}

describe('the production order', () => {
  it('lines take the kind’s material and finishing; an imposed line counts sheets', async () => {
    const o = await order();
    expect(o.lines[0]).toMatchObject({
      size: '60×80 cm',
      material: 'KT 板',
      finishing: ['覆膜'],
      quantity: 1,
      unit: '块',
    });
    expect(o.lines[1]).toMatchObject({ material: '不干胶', finishing: ['模切'], quantity: 18, unit: '张' });
    expect(o.lines[1]!.size).toBe('A3（297×420 mm）拼版');
    expect(o.lines[1]!.note).toContain('直径 5 cm');
    expect(o.lines[2]).toMatchObject({ size: '600×70 cm', material: '喷绘布', finishing: ['打孔'], unit: '条' });
  });

  it('the XLSX opens with the project’s reader, with the right rows, and every part is well-formed', async () => {
    const out = `${DIR}制作单.xlsx`;
    await writeOrderXlsx(out, await order());
    const rows = await readXlsx(readFileSync(out), '制作单');
    expect(rows[0]![0]).toBe('制作单 — 反诈小铺套装');
    expect(rows[1]![0]).toContain('列东菜市场 <反诈小铺> & 宣传');
    expect(rows[2]).toEqual(['序号', '缩略图', '文件名', '物料', '成品尺寸', '材质', '工艺', '数量', '单位', '备注']);
    expect(rows.slice(3).map((r) => [r[0], r[2], r[5], r[6], r[7], r[8]])).toEqual([
      ['1', '摊位展板/01-鱼摊-摊位展板.pdf', 'KT 板', '覆膜', '1', '块'],
      ['2', '拼版/贴纸-A3拼版.pdf', '不干胶', '模切', '18', '张'],
      ['3', '入口横幅.pdf', '喷绘布', '打孔', '1', '条'],
    ]);
    const parts = await zipEntries(out);
    const types = parts.get('[Content_Types].xml')!.toString('utf8');
    for (const [name, data] of parts) {
      if (name.endsWith('.png')) {
        expect((await sharp(data).metadata()).format).toBe('png');
        expect(types).toContain('Extension="png"');
        continue;
      }
      expect(xmlProblems(data.toString('utf8')), name).toEqual([]);
      // Every part is typed: by an override, or by its extension's default.
      expect(
        types.includes(`PartName="/${name}"`) || types.includes(`Extension="${name.split('.').pop()}"`),
        name,
      ).toBe(true);
      // Every relationship points at a part of the package.
      if (name.endsWith('.rels')) {
        const base = name.replace(/_rels\/[^/]*\.rels$/, '');
        for (const m of data.toString('utf8').matchAll(/Target="([^"]+)"/g)) {
          const target = new URL(m[1]!, `file:///${base}`).pathname.slice(1);
          expect(parts.has(target), `${name} → ${target}`).toBe(true);
        }
      }
    }
    // Two thumbnails (the third line has none), each anchored in the thumbnail column of its row.
    expect([...parts.keys()].filter((n) => n.startsWith('xl/media/'))).toHaveLength(2);
    const drawing = parts.get('xl/drawings/drawing1.xml')!.toString('utf8');
    expect([...drawing.matchAll(/<xdr:col>1<\/xdr:col>/g)]).toHaveLength(2);
    expect([...drawing.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => m[1])).toEqual(['3', '4']);
  });

  it('the PDF holds the same lines as searchable text, with thumbnails', async () => {
    const out = `${DIR}制作单.pdf`;
    await writeOrderPdf(out, await order());
    const pdf = PdfReader.open(out);
    const text = pdf.text().replace(/\s+/g, '');
    for (const s of [
      '制作单—反诈小铺套装',
      '摊位展板/01-鱼摊-摊位展板.pdf',
      'KT板',
      '不干胶',
      '18张',
      '喷绘布',
      '印刷厂收货确认',
    ])
      expect(text).toContain(s);
    expect(pdf.sizeMm(0).w).toBeCloseTo(297, 1);
  });
});

describe('the well-formedness check itself', () => {
  it('finds what Excel would refuse', () => {
    const ok = '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1"><b>甲 &amp; 乙</b><c/></a>';
    expect(xmlProblems(ok)).toEqual([]);
    expect(xmlProblems(ok.replace('&amp;', '&'))).not.toEqual([]);
    expect(xmlProblems(ok.replace('</b>', '</c>'))).not.toEqual([]);
    expect(xmlProblems(ok.replace('x="1"', 'x="1" x="2"'))).not.toEqual([]);
    expect(xmlProblems(ok.replace('甲', '甲<'))).not.toEqual([]);
    expect(xmlProblems(`${ok}<d/>`)).not.toEqual([]);
    expect(xmlProblems(ok.replace(/^<\?xml[^>]*>\n/, ''))).not.toEqual([]);
  });
});
