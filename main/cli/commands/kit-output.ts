import type { KitFailure } from '../../core/index.js';
import type { KitFile, KitProgress } from '../../engine/kit/kit-run.js';
import { err, out, progressReporter } from '../io.js';

/** Progress of a kit run on stderr, as the other long commands show it. */
export function kitProgress(): (p: KitProgress) => void {
  const report = progressReporter('制作中');
  return (p) => report(p.done, p.total);
}

/**
 * A kit run's end: its report as JSON, or `summary` lines, the files made and what was not made
 * (stderr). Exit 1 when anything was not made, so a script notices.
 */
export function finishKit(
  r: { files: KitFile[]; failures: KitFailure[] },
  json: boolean | undefined,
  summary: string[],
): number {
  if (json) out(JSON.stringify(r));
  else {
    for (const line of summary) out(line);
    out(`已输出 ${r.files.length} 个文件：`);
    for (const f of r.files) out(`  ${f.path}　${f.title}`);
    for (const f of r.failures) err(`未完成：${f.item}：${f.reason}`);
  }
  return r.failures.length ? 1 : 0;
}
