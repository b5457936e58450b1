import { renderDesigns, type OutputFormat } from '../../engine/render.js';
import { choiceOption, DESIGN_OPTIONS, DPI, numberOption, parse } from '../args.js';
import { err, out, progressReporter, UsageError } from '../io.js';
import { designsFromArgs } from './design-input.js';

const FORMATS = ['pdf', 'png', 'jpeg', 'jpg', 'webp'] as const;

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
  const format = choiceOption('--format', v.format, FORMATS);
  const largePage = choiceOption('--large-page', v['large-page'], ['userunit', 'scale'] as const);
  const tile = choiceOption('--tile', v.tile, ['a4', 'a3'] as const);
  if (v.cmyk && v.rgb) throw new UsageError('--cmyk 与 --rgb 只能选一个');
  if (v.bleed && v['no-bleed']) throw new UsageError('--bleed 与 --no-bleed 只能选一个');
  if (v.dpi !== undefined && v.width !== undefined) throw new UsageError('--dpi 与 --width 只能选一个');
  const dpi = numberOption('--dpi', v.dpi, DPI);
  const widthPx = numberOption('--width', v.width, { min: 1, max: 200_000, integer: true, unit: '像素' });
  const overlapMm = numberOption('--overlap', v.overlap, { min: 0, max: 200, unit: '毫米' });
  if (overlapMm !== undefined && !tile) throw new UsageError('--overlap 只与 --tile 一起使用');
  const designs = await designsFromArgs(v);
  const r = await renderDesigns(designs, {
    out: v.out,
    // Options not given stay undefined: the writers take the design's own defaults (?? in each).
    format: format ? ((format === 'jpg' ? 'jpeg' : format) as OutputFormat) : undefined,
    dpi,
    widthPx,
    cmyk: v.cmyk ? true : v.rgb ? false : undefined,
    outlineText: v['outline-text'] ?? false,
    allowOverflow: v['allow-overflow'] ?? false,
    allowPlaceholder: v['allow-placeholder'] ?? false,
    bleed: v.bleed ? true : v['no-bleed'] ? false : undefined,
    largePage,
    tile: tile ? { sheet: tile, overlapMm } : undefined,
    onProgress: progressReporter('渲染中'),
  });
  for (const n of r.notes) err(`注意：${n}`);
  if (v.json) out(JSON.stringify(r));
  else {
    const size = r.widthPx
      ? `，${r.widthPx}×${r.heightPx} 像素，${Math.round(r.dpi! * 10) / 10} dpi`
      : `，${r.pages} 页`;
    out(`已输出 ${r.path}${size}`);
  }
  return 0;
}
