import { FRAUD_TYPES, GOODS_CATEGORIES } from '../../core/slogan/index.js';
import { sloganLibrary } from '../../engine/slogan-library.js';
import { parse } from '../args.js';
import { out, UsageError } from '../io.js';
import { fraudTypeOption, goodsOption } from './slogan-options.js';

/** campaign-studio slogans list [--goods …] [--fraud-type …] [--json] */
export async function slogansCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'list') throw new UsageError('用法：slogans list [--goods 类别] [--fraud-type 类型] [--json]');
  const { values: v } = parse(rest, {
    goods: { type: 'string' },
    'fraud-type': { type: 'string' },
    json: { type: 'boolean' },
  });
  const goods = v.goods ? goodsOption(v.goods) : undefined;
  const type = v['fraud-type'] ? fraudTypeOption(v['fraud-type']) : undefined;
  const list = sloganLibrary().filter(
    (s) => (!goods || s.goods.includes(goods)) && (!type || s.fraudTypes.includes(type)),
  );
  if (v.json) out(JSON.stringify(list, null, 2));
  else {
    for (const s of list) {
      out(
        `${s.text}　［${s.goods.map((g) => GOODS_CATEGORIES[g]).join('、')}｜${s.fraudTypes.map((t) => FRAUD_TYPES[t]).join('、')}］`,
      );
    }
    out(`共 ${list.length} 条`);
  }
  return 0;
}
