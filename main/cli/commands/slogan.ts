import { checkSlogan, composeSlogans, FRAUD_TYPES, suggestWarnings, type FraudType } from '../../core/slogan/index.js';
import { sloganLexicon } from '../../engine/slogan-library.js';
import { numberOption, parse } from '../args.js';
import { out, UsageError } from '../io.js';
import { fraudTypeOption, goodsOption, RHYME_LABEL } from './slogan-options.js';

/** campaign-studio slogan check TEXT | slogan suggest … */
export async function sloganCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'check') return check(rest);
  if (sub === 'suggest') return suggest(rest);
  throw new UsageError(
    '用法：slogan check 标语 [--json] 或 slogan suggest [--goods 类别] [--fraud-type 类型] [--first-half 前半句] [--count N] [--json]',
  );
}

function check(argv: string[]): number {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, true);
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('请给出要检查的标语，如：slogan check 白菜青菜油麦菜、莫给骗子当韭菜');
  const r = checkSlogan(text);
  if (values.json) out(JSON.stringify(r, null, 2));
  else {
    out(`${r.halves[0]} ／ ${r.halves[1]}（${r.form}）`);
    out(`${r.rhyme === 'none' ? '✗' : '✓'} ${RHYME_LABEL[r.rhyme]}：${r.explanation}`);
  }
  return 0;
}

function suggest(argv: string[]): number {
  const { values: v } = parse(argv, {
    goods: { type: 'string' },
    'fraud-type': { type: 'string', multiple: true },
    'first-half': { type: 'string' },
    count: { type: 'string' },
    json: { type: 'boolean' },
  });
  const count = numberOption('--count', v.count, { min: 1, max: 200, integer: true }) ?? 10;
  const types: FraudType[] = v['fraud-type']?.length
    ? v['fraud-type'].map(fraudTypeOption)
    : (Object.keys(FRAUD_TYPES) as FraudType[]);
  const lex = sloganLexicon();
  let list;
  if (v['first-half']) list = suggestWarnings(v['first-half'], types, lex.warnings, count);
  else if (v.goods) list = composeSlogans(goodsOption(v.goods), types, lex, count);
  else throw new UsageError('slogan suggest 需要 --goods 商品类别 或 --first-half 前半句');
  if (v.json) out(JSON.stringify(list, null, 2));
  else if (list.length === 0) out('没有找到押韵的候选；换一个诈骗类型或商品试试');
  else list.forEach((c, i) => out(`${String(i + 1).padStart(2)}. ${c.text}　（${c.form}，${RHYME_LABEL[c.rhyme]}）`));
  return 0;
}
