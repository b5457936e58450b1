import type { KitFile, KitProgress } from '../../engine/kit/kit-run.js';
import { out, progressReporter } from '../io.js';

/** Progress of a kit run on stderr, as the other long commands show it. */
export function kitProgress(): (p: KitProgress) => void {
  const report = progressReporter('制作中');
  return (p) => report(p.done, p.total);
}

export function printKitFiles(files: readonly KitFile[]): void {
  out(`已输出 ${files.length} 个文件：`);
  for (const f of files) out(`  ${f.path}　${f.title}`);
}
