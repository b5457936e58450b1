import { orderMeta, type ProductionOrder } from './order-lines.js';
import { pngSize } from './png-size.js';
import { writeXlsx } from './xlsx-writer.js';

/** The production order as an XLSX the shop opens in Excel or WPS: the same table, quantities as numbers. */
export async function writeOrderXlsx(out: string, order: ProductionOrder): Promise<void> {
  const columns = [
    { header: '序号', width: 6 },
    { header: '缩略图', width: 14 },
    { header: '文件名', width: 34 },
    { header: '物料', width: 28 },
    { header: '成品尺寸', width: 24 },
    { header: '材质', width: 10 },
    { header: '工艺', width: 14 },
    { header: '数量', width: 8 },
    { header: '单位', width: 6 },
    { header: '备注', width: 44 },
  ];
  const rows = order.lines.map((l, i) => [
    i + 1,
    '',
    l.file,
    l.title,
    l.size,
    l.material,
    l.finishing.join('、'),
    l.quantity,
    l.unit,
    l.note,
  ]);
  const meta = orderMeta(order, '    ');
  await writeXlsx(out, {
    name: '制作单',
    title: order.title,
    subtitle: meta,
    columns,
    rows,
    images: {
      column: 1,
      png: order.thumbnails,
      sizes: order.thumbnails.map((t) => (t ? pngSize(t) : undefined)),
    },
    rowHeightPt: 64,
    creator: '反诈物料工作室',
  });
}
