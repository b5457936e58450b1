import { readProfileFile } from '../../engine/fill-profile.js';
import { runMarketKit } from '../../engine/kit/market-kit.js';
import { readStalls } from '../../engine/kit/stalls.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import { finishKit, kitProgress } from './kit-output.js';

/** `kit market --stalls 摊位表.csv --out 文件夹 [--profile 本单位信息.json]`: the whole market event in one run. */
export async function kitMarketCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    stalls: { type: 'string' },
    out: { type: 'string', short: 'o' },
    profile: { type: 'string' },
    name: { type: 'string' },
    date: { type: 'string' },
    'allow-placeholder': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!v.stalls) throw new UsageError('需要 --stalls 摊位表（CSV 或 XLSX：摊位、商品两列）');
  if (!v.out) throw new UsageError('需要 --out 输出文件夹');
  if (v.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError('--date 应为 YYYY-MM-DD');
  const stalls = await readStalls(v.stalls);
  const profile = v.profile === undefined ? undefined : await readProfileFile(v.profile);
  const r = await runMarketKit({
    stalls,
    outDir: v.out,
    ...(profile ? { profile } : {}),
    ...(v.name ? { job: v.name } : {}),
    ...(v.date ? { date: v.date } : {}),
    allowPlaceholder: v['allow-placeholder'] ?? false,
    onProgress: kitProgress(),
  });
  const imposed = Object.entries(r.imposed).flatMap(([what, im]) =>
    im
      ? [
          `  ${what === 'tags' ? '吊牌' : '贴纸'}拼版：${im.sheets} 张 ${im.sheet.label}，${im.pieces} 件，损耗 ${im.wastePct}%`,
        ]
      : [],
  );
  return finishKit(r, v.json, [
    `反诈小铺套装：${stalls.length} 个摊位，输出到 ${r.outDir}`,
    ...r.plans.map((p, i) => `  ${i + 1}. ${p.stall.name}：${p.jingle?.text ?? `（${p.problem ?? '没有标语'}）`}`),
    ...imposed,
  ]);
}
