import { readProfileFile } from '../../engine/fill-profile.js';
import { readAudiences } from '../../engine/kit/audiences.js';
import { runGridKit } from '../../engine/kit/grid-kit.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import { finishKit, kitProgress } from './kit-output.js';

/** `kit grid --audiences 人群.txt --out 文件夹`: a week's WeChat material for each audience. */
export async function kitGridCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    audiences: { type: 'string' },
    out: { type: 'string', short: 'o' },
    profile: { type: 'string' },
    'allow-placeholder': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!v.audiences) throw new UsageError('需要 --audiences 人群表（TXT 一行一类人群，或 CSV/XLSX 的「人群」列）');
  if (!v.out) throw new UsageError('需要 --out 输出文件夹');
  const audiences = await readAudiences(v.audiences);
  const profile = v.profile === undefined ? undefined : await readProfileFile(v.profile);
  const r = await runGridKit({
    audiences,
    outDir: v.out,
    ...(profile ? { profile } : {}),
    allowPlaceholder: v['allow-placeholder'] ?? false,
    onProgress: kitProgress(),
  });
  return finishKit(r, v.json, [
    `网格群宣防包：${audiences.length} 类人群，输出到 ${r.outDir}`,
    ...r.plans.map((p) => `  ${p.audience}（${p.warns.map((w) => w.label).join('、')}）：${p.jingle || p.problem}`),
  ]);
}
