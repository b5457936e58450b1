import { imposeDesigns } from '../../engine/impose/impose.js';
import { parseSheet } from '../../engine/impose/sheets.js';
import { numberOption, parse } from '../args.js';
import { out, progressReporter, UsageError } from '../io.js';
import { readItems } from './items.js';

export async function imposeCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    sheet: { type: 'string' },
    item: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    gap: { type: 'string' },
    margin: { type: 'string' },
    job: { type: 'string' },
    profile: { type: 'string' },
    'allow-placeholder': { type: 'boolean' },
    'allow-overflow': { type: 'boolean' },
    // Turning pieces 90° is on unless the material has a grain or the die must not turn.
    'no-rotate': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!v.out) throw new UsageError('需要 --out 输出的 PDF 文件');
  if (!/\.pdf$/i.test(v.out)) throw new UsageError('拼版只输出 PDF：--out 应以 .pdf 结尾');
  if (!v.item?.length) throw new UsageError('需要至少一个 --item 设计文件或模板编号[:数量]');
  const sheet = parseSheet(v.sheet ?? 'a3');
  const items = await readItems(v.item, v.profile);
  const r = await imposeDesigns({
    items,
    sheet,
    gapMm: numberOption('--gap', v.gap, { min: 0, max: 50, unit: '毫米' }),
    marginMm: numberOption('--margin', v.margin, { min: 5, max: 50, unit: '毫米' }),
    rotate: !v['no-rotate'],
    job: v.job,
    out: v.out,
    allowPlaceholder: v['allow-placeholder'] ?? false,
    allowOverflow: v['allow-overflow'] ?? false,
    onProgress: progressReporter('拼版中'),
  });
  if (v.json) out(JSON.stringify(r));
  else {
    out(
      `已输出 ${r.path}：${r.sheets} 张 ${r.sheet.label}（${r.sheet.widthMm}×${r.sheet.heightMm} mm），共 ${r.pieces} 件，损耗 ${r.wastePct}%`,
    );
    for (const it of r.items)
      out(
        `  ${it.name} ×${it.count}：第 ${it.sheets.join('、')} 张${it.rotated ? `，其中 ${it.rotated} 件转 90° 排` : ''}`,
      );
  }
  return 0;
}
