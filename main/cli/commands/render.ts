import { renderDesigns, type OutputFormat } from '../../engine/render.js';
import { DESIGN_OPTIONS, number, parse } from '../args.js';
import { err, out, progressReporter, UsageError } from '../io.js';
import { designsFromArgs } from './design-input.js';

const FORMATS = ['pdf', 'png', 'jpeg', 'jpg', 'webp'];

export async function renderCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    ...DESIGN_OPTIONS,
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    dpi: { type: 'string' },
    width: { type: 'string' },
    cmyk: { type: 'boolean' },
    rgb: { type: 'boolean' },
    'outline-text': { type: 'boolean' },
    'allow-overflow': { type: 'boolean' },
    'allow-placeholder': { type: 'boolean' },
    bleed: { type: 'boolean' },
    'no-bleed': { type: 'boolean' },
    'large-page': { type: 'string' },
    tile: { type: 'string' },
    overlap: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!v.out) throw new UsageError('需要 --out 输出文件');
  if (v.format && !FORMATS.includes(v.format))
    throw new UsageError(`--format 应为 pdf、png、jpeg 或 webp，收到「${v.format}」`);
  if (v['large-page'] && !['userunit', 'scale'].includes(v['large-page']))
    throw new UsageError('--large-page 应为 userunit 或 scale');
  if (v.tile && !['a4', 'a3'].includes(v.tile)) throw new UsageError('--tile 应为 a4 或 a3');
  if (v.cmyk && v.rgb) throw new UsageError('--cmyk 与 --rgb 只能选一个');
  if (v.dpi !== undefined && v.width !== undefined) throw new UsageError('--dpi 与 --width 只能选一个');
  const designs = await designsFromArgs(v);
  const overlapMm = number('--overlap', v.overlap);
  const r = await renderDesigns(designs, {
    out: v.out,
    // Options not given stay undefined: the writers take the design's own defaults (?? in each).
    format: v.format ? ((v.format === 'jpg' ? 'jpeg' : v.format) as OutputFormat) : undefined,
    dpi: number('--dpi', v.dpi),
    widthPx: number('--width', v.width),
    cmyk: v.cmyk ? true : v.rgb ? false : undefined,
    outlineText: v['outline-text'] ?? false,
    allowOverflow: v['allow-overflow'] ?? false,
    allowPlaceholder: v['allow-placeholder'] ?? false,
    bleed: v.bleed ? true : v['no-bleed'] ? false : undefined,
    largePage: v['large-page'] as 'userunit' | 'scale' | undefined,
    tile: v.tile ? { sheet: v.tile as 'a4' | 'a3', overlapMm } : undefined,
    onProgress: progressReporter('渲染中'),
  });
  for (const n of r.notes) err(`注意：${n}`);
  if (v.json) out(JSON.stringify(r));
  else {
    const size = r.widthPx ? `，${r.widthPx}×${r.heightPx} 像素，${r.dpi} dpi` : `，${r.pages} 页`;
    out(`已输出 ${r.path}${size}`);
  }
  return 0;
}
