import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';
import type { DesignSource } from '../engine/load-design.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const DESIGN_OPTIONS = {
  template: { type: 'string' },
  design: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  profile: { type: 'string' },
} as const satisfies Options;

/** Edit distance, to suggest the option a typo meant (--colour → --cmyk? no; --dpl → --dpi). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

const optionList = (options: Options): string =>
  Object.keys(options)
    .map((o) => `--${o}`)
    .join('、') || '（此命令没有选项）';

/**
 * Node's parseArgs errors (English, e.g. "Unknown option '--colour'") as Chinese usage errors that
 * say what to type instead. The original is the cause (for the debug log).
 */
export function usageFromParseError(e: unknown, options: Options, positionals: boolean): UsageError {
  const err = e as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
  const name = quoted.replace(/ <value>$/, '');
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bare = name.replace(/^-+/, '').split('=')[0]!;
      const near = Object.keys(options)
        .map((o) => [o, distance(bare, o)] as const)
        .filter(([o, d]) => d <= Math.max(1, Math.floor(o.length / 3)))
        .sort((a, b) => a[1] - b[1])[0];
      const hint = near ? `是不是 --${near[0]}？` : `可用的选项：${optionList(options)}`;
      return new UsageError(`没有「${name}」这个选项；${hint}`, { cause: e });
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(err.message ?? ''))
        return new UsageError(`${name} 是开关，不带值：只写 ${name}`, { cause: e });
      if (/ambiguous/.test(err.message ?? ''))
        return new UsageError(`${name} 后面应跟它的值；值以 - 开头时写成 ${name}=值`, { cause: e });
      return new UsageError(`${name} 需要一个值，写在它后面（如 ${name} 值）`, { cause: e });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(
        positionals ? `多余的参数「${name}」` : `多余的参数「${name}」：此命令只接受选项（${optionList(options)}）`,
        { cause: e },
      );
    default:
      return new UsageError('命令行参数有误', { cause: e });
  }
}

export function parse<O extends Options>(argv: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
  } catch (e) {
    throw usageFromParseError(e, options, positionals);
  }
}

/** --template ID or --design FILE (several --design files make a multi-page PDF). */
export function designSources(v: { template?: string | undefined; design?: string[] | undefined }): DesignSource[] {
  if (v.template && v.design?.length) throw new UsageError('--template 与 --design 只能选一个');
  if (v.template) return [{ template: v.template }];
  if (v.design?.length) return v.design.map((designFile) => ({ designFile }));
  throw new UsageError('需要 --template 模板编号 或 --design 设计文件');
}

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  /** The unit, for the message: dpi, 像素, 毫米… */
  unit?: string;
}

/** --dpi's range, the engine's: 喷绘 banners go down to 11.25 dpi, nothing prints finer than 2400. */
export const DPI: NumberRule = { min: 1, max: 2400, unit: 'dpi' };

/**
 * A number option: anything but a number in range is a usage error (exit 2), whether it is
 * `abc` or `0` — the same kind of mistake gets the same answer.
 */
export function numberOption(name: string, v: string | undefined, rule: NumberRule): number | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const kind = rule.integer ? '整数' : '数';
  if (!Number.isFinite(n) || n < rule.min || n > rule.max || (rule.integer && !Number.isInteger(n)))
    throw new UsageError(`${name} 应为 ${rule.min} 到 ${rule.max}${unit} 之间的${kind}，收到「${v}」`);
  return n;
}

/** One of a fixed set of words: the choices are listed when it is not. */
export function choiceOption<T extends string>(
  name: string,
  v: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (v === undefined) return undefined;
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${name} 应为 ${choices.join('、')} 之一，收到「${v}」`);
}

/** `slot=value` pairs of --set; a pair without `=` is a usage error like any malformed option. */
export function assignments(pairs: readonly string[]): [string, string][] {
  return pairs.map((p) => {
    const i = p.indexOf('=');
    if (i <= 0) throw new UsageError(`--set 应写成 槽位=内容（如 --set slogan=白菜青菜油麦菜），收到「${p}」`);
    // A literal \n typed in a shell is a line break in the slogan.
    return [p.slice(0, i).trim(), p.slice(i + 1).replace(/\\n/g, '\n')];
  });
}
