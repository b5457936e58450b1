import { renderContactSheet } from '../../engine/contact-sheet.js';
import { listTemplates } from '../../engine/templates.js';
import { numberOption, parse } from '../args.js';
import { out, progressReporter, UsageError } from '../io.js';

/** campaign-studio contact-sheet --out sheet.png [--columns N] [--cell PX] [--json] */
export async function contactSheetCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    out: { type: 'string' },
    columns: { type: 'string' },
    cell: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!v.out) throw new UsageError('需要 --out 输出文件（如 --out 一览图.png）');
  const columns = numberOption('--columns', v.columns, { min: 1, max: 12, integer: true });
  const cellPx = numberOption('--cell', v.cell, { min: 120, max: 1200, integer: true, unit: '像素' });
  const r = await renderContactSheet(listTemplates(), {
    out: v.out,
    columns,
    cellPx,
    onProgress: progressReporter('排版模板'),
  });
  const summary = { path: r.path, format: r.format, templates: r.templates, widthPx: r.widthPx, heightPx: r.heightPx };
  if (v.json) out(JSON.stringify(summary, null, 2));
  else out(`已输出 ${r.path}：${r.templates} 个模板${r.widthPx ? `，${r.widthPx}×${r.heightPx} 像素` : ''}`);
  return 0;
}
