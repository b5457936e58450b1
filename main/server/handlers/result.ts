import { type z } from 'zod';
import { API, type ApiMethod, type ApiParsed, type ApiResult, type ApiValue } from '../../core/api.js';
import { formatPath, StudioError } from '../../core/index.js';

/** Where unexpected errors are written (details for the developer; the user sees a generic line). */
export type Logger = (message: string, err?: unknown) => void;
export const consoleLogger: Logger = (message, err) => console.error(`[studio] ${message}`, err ?? '');

/** A method as both transports call it: any input, a result envelope, never a throw. */
export type Handler = (input: unknown) => Promise<ApiResult<unknown>>;

const GENERIC = '处理请求时出现意外错误，请重试；如果问题持续，请保存设计并重启程序';

/** Map anything thrown to the error shape: StudioError keeps its message, the rest is logged. */
export function toError(err: unknown, method: string, log: Logger): ApiResult<never> {
  if (err instanceof StudioError) {
    return {
      ok: false,
      error: { code: err.code, message: err.message, details: err.details.length ? [...err.details] : undefined },
    };
  }
  log(`${method} failed`, err);
  return { ok: false, error: { code: 'internal', message: GENERIC } };
}

/** Bad input: the message names the first bad fields by path, so the user (or the UI) can fix them. */
export function invalidInput(
  error: z.ZodError,
  label: (path: readonly PropertyKey[]) => string = formatPath,
): ApiResult<never> {
  const details = error.issues.slice(0, 20).map((i) => `${label(i.path)}：${i.message}`);
  const shown = details.slice(0, 3).join('；');
  return {
    ok: false,
    error: { code: 'invalid-input', message: `输入有误（${error.issues.length} 处）：${shown}`, details },
  };
}

/**
 * One method's handler: the input is `unknown` until the contract's schema has parsed it, here at
 * the boundary; the implementation only ever sees typed, validated input.
 */
export function method<M extends ApiMethod>(
  name: M,
  impl: (input: ApiParsed<M>) => Promise<ApiValue<M>> | ApiValue<M>,
  log: Logger,
  fields: FieldNames = {},
): Handler {
  const schema = API[name].input as z.ZodType;
  return async (input: unknown) => {
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) return invalidInput(parsed.error, fields.label);
    try {
      return { ok: true, value: await impl(parsed.data as ApiParsed<M>) };
    } catch (err) {
      if (fields.relabel && err instanceof StudioError && err.details.length) {
        return toError(new StudioError(err.code, err.message, err.details.map(fields.relabel)), name, log);
      }
      return toError(err, name, log);
    }
  };
}

/** How a group of methods names fields in its messages (the library: 标题（meta.title）). */
export interface FieldNames {
  /** A bad input's path as the user reads it. */
  label?: (path: readonly PropertyKey[]) => string;
  /** Rewrites "path：message" details that the implementation itself raised. */
  relabel?: (detail: string) => string;
}
