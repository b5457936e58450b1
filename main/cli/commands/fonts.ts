import { availableFamilies } from '../../engine/fonts/font-set.js';
import { parse } from '../args.js';
import { out } from '../io.js';

export function fontsCommand(argv: string[]): number {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  const fams = availableFamilies(true);
  if (values.json) out(JSON.stringify(fams, null, 2));
  else
    for (const f of fams)
      out(`${f.family.padEnd(28)} ${f.weights.join(' ').padEnd(16)} ${f.bundled ? '随软件附带' : '本机已安装'}`);
  return 0;
}
