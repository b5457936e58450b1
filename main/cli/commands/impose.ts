import { existsSync } from 'node:fs';
import { isDesignFileName } from '../../core/design-file.js';
import { StudioError, type Design } from '../../core/index.js';
import { fillProfile, readProfileFile } from '../../engine/fill-profile.js';
import { imposeDesigns } from '../../engine/impose/impose.js';
import { parseSheet } from '../../engine/impose/sheets.js';
import { loadDesign } from '../../engine/load-design.js';
import { numberOption, parse } from '../args.js';
import { out, progressReporter, UsageError } from '../io.js';

/** At most this many of one piece: a week's stickers for a big market, and some. */
const MAX_COUNT = 100_000;

/**
 * "贴纸.csdesign:50", "sticker-round-red-40:12", "C:\\设计\\贴纸.csdesign:50": the count is what follows the
 * last colon when it is a whole number (a Windows drive letter is not); no count means one.
 */
export function parseItem(spec: string): { source: string; count: number } {
  const m = /^(.*):(\d+)$/.exec(spec);
  const source = m ? m[1]! : spec;
  const count = m ? Number(m[2]) : 1;
  if (!source) throw new UsageError(`--item「${spec}」缺少设计文件或模板编号`);
  if (count < 1 || count > MAX_COUNT) throw new UsageError(`--item「${spec}」的数量应在 1 到 ${MAX_COUNT} 之间`);
  return { source, count };
}

/** A design file when the name is one (or looks like one), else a template id. */
async function itemDesign(source: string): Promise<Design> {
  if (isDesignFileName(source) || existsSync(source)) return loadDesign({ designFile: source });
  return loadDesign({ template: source });
}

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
    json: { type: 'boolean' },
  });
  if (!v.out) throw new UsageError('需要 --out 输出的 PDF 文件');
  if (!/\.pdf$/i.test(v.out)) throw new UsageError('拼版只输出 PDF：--out 应以 .pdf 结尾');
  if (!v.item?.length) throw new UsageError('需要至少一个 --item 设计文件或模板编号[:数量]');
  const sheet = parseSheet(v.sheet ?? 'a3');
  const profile = v.profile === undefined ? undefined : await readProfileFile(v.profile);
  const items: { design: Design; count: number }[] = [];
  for (const spec of v.item) {
    const { source, count } = parseItem(spec);
    let design: Design;
    try {
      design = await itemDesign(source);
    } catch (e) {
      if (e instanceof StudioError) throw new StudioError(e.code, `--item「${spec}」：${e.message}`, e.details);
      throw e;
    }
    items.push({ design: profile ? fillProfile(design, profile).design : design, count });
  }
  const r = await imposeDesigns({
    items,
    sheet,
    gapMm: numberOption('--gap', v.gap, { min: 0, max: 50, unit: '毫米' }),
    marginMm: numberOption('--margin', v.margin, { min: 5, max: 50, unit: '毫米' }),
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
    for (const it of r.items) out(`  ${it.name} ×${it.count}：第 ${it.sheets.join('、')} 张`);
  }
  return 0;
}
