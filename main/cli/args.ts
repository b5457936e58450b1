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

export function parse<O extends Options>(argv: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** --template ID or --design FILE (several --design files make a multi-page PDF). */
export function designSources(v: { template?: string | undefined; design?: string[] | undefined }): DesignSource[] {
  if (v.template && v.design?.length) throw new UsageError('--template 与 --design 只能选一个');
  if (v.template) return [{ template: v.template }];
  if (v.design?.length) return v.design.map((designFile) => ({ designFile }));
  throw new UsageError('需要 --template 模板编号 或 --design 设计文件');
}

export function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`${name} 应为数字，收到「${v}」`);
  return n;
}
