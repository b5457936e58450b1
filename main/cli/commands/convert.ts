import { convertDesign, convertText, type Script } from '../../core/slogan/index.js';
import { readDesignFile } from '../../engine/load-design.js';
import { withAtomicFile } from '../../node/atomic.js';
import { promises as fs } from 'node:fs';
import { choiceOption, parse } from '../args.js';
import { out, UsageError } from '../io.js';

/** campaign-studio convert (--text TEXT | --design FILE --out FILE) [--to traditional|simplified] */
export async function convertCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    text: { type: 'string' },
    design: { type: 'string' },
    out: { type: 'string', short: 'o' },
    to: { type: 'string' },
  });
  const to: Script = choiceOption('--to', v.to, ['traditional', 'simplified'] as const) ?? 'traditional';
  if (v.text !== undefined) {
    out(await convertText(v.text, to));
    return 0;
  }
  if (!v.design || !v.out) throw new UsageError('需要 --text 文字，或 --design 设计文件 与 --out 输出文件');
  const converted = await convertDesign(await readDesignFile(v.design), to);
  await withAtomicFile(v.out, (f) =>
    fs.writeFile(f.tempPath, JSON.stringify(converted, null, 2) + '\n', { flag: 'wx' }),
  );
  out(`已输出 ${v.out}`);
  return 0;
}
