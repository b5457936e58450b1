// Types only from zod: the page imports StudioError, and zod stays out of its bundle.
import type { z } from 'zod';

/**
 * What the engine refuses on purpose, as a closed set: programs (the UI, scripts) branch on these,
 * so a new kind of refusal is a change to the contract, not a new string somewhere.
 */
export const STUDIO_ERROR_CODES = [
  'invalid-design',
  'invalid-input',
  'unknown-template',
  'unknown-slot',
  'bad-image',
  'text-overflow',
  'missing-font',
  'output-failed',
  'too-large',
  /** A sample or placeholder value (a template's QR, ××派出所) would reach print unconfirmed. */
  'placeholder',
  /** A queue is full: nothing is wrong with the request, it can be sent again later. */
  'busy',
] as const;
export type StudioErrorCode = (typeof STUDIO_ERROR_CODES)[number];

/**
 * An error a user can act on: `message` (and each of `details`) is Chinese text for the UI and CLI,
 * `code` is stable for programs. Everything the engine rejects on purpose is one of these; anything
 * else is a bug. The technical original (an OS error, a library's own text) goes in `cause`: it is
 * written to the debug log, never shown as the message.
 */
export class StudioError extends Error {
  constructor(
    readonly code: StudioErrorCode,
    message: string,
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StudioError';
  }
  /** The message with its details, one per line. */
  get full(): string {
    return [this.message, ...this.details.map((d) => `  - ${d}`)].join('\n');
  }
}

/** Node's error codes for file-system failures, as a user reads them. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: '找不到这个文件或文件夹',
  EACCES: '没有访问权限',
  EPERM: '没有访问权限（文件可能被其他程序占用或设为只读）',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  EROFS: '磁盘是只读的',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一级不是文件夹',
  EEXIST: '已有同名的文件',
  EBUSY: '文件正被其他程序使用',
  EMFILE: '同时打开的文件过多',
  ENFILE: '同时打开的文件过多',
  ENAMETOOLONG: '路径过长',
  EIO: '磁盘读写出错',
  ELOOP: '路径中的链接形成了循环',
  ENOTEMPTY: '文件夹不是空的',
  EXDEV: '不能跨磁盘移动',
};

/**
 * Why a file operation failed, in Chinese, from the error's `code` (ENOENT …): the words for a
 * message; the error itself goes along as the StudioError's `cause`.
 */
export function systemReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && SYSTEM_REASONS[code]) || '系统拒绝了这次读写';
}

/** "elements[2].box.w" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(根)';
}

/** Parse with a schema; on failure a StudioError that names each bad field by its path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.slice(0, 20).map((i) => `${formatPath(i.path)}：${i.message}`);
  throw new StudioError('invalid-design', `${what}有误（${r.error.issues.length} 处）`, details);
}
