import { readProfileFile } from '../../engine/fill-profile.js';
import { makeDelivery } from '../../engine/kit/delivery.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import { readItems } from './items.js';
import { finishKit, kitProgress } from './kit-output.js';

/**
 * `order --item 设计.csdesign|模板编号[:数量]… --out 文件夹 [--job 任务名] [--profile 本单位信息.json]`:
 * each design's print PDF, the production order (PDF + XLSX) and the zip for the print shop.
 */
export async function orderCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    item: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    job: { type: 'string' },
    profile: { type: 'string' },
    date: { type: 'string' },
    'allow-placeholder': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!v.out) throw new UsageError('需要 --out 输出文件夹');
  if (!v.item?.length) throw new UsageError('需要至少一个 --item 设计文件或模板编号[:数量]');
  if (v.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError('--date 应为 YYYY-MM-DD');
  const items = await readItems(v.item, v.profile);
  const profile = v.profile === undefined ? undefined : await readProfileFile(v.profile);
  const job = v.job?.trim() || items[0]!.design.name;
  const r = await makeDelivery({
    items,
    outDir: v.out,
    job,
    ...(profile ? { profile } : {}),
    ...(v.date ? { date: v.date } : {}),
    allowPlaceholder: v['allow-placeholder'] ?? false,
    onProgress: kitProgress(),
  });
  return finishKit(r, v.json, [`交付包「${job}」：${items.length} 款物料，输出到 ${r.outDir}`]);
}
