import { StudioError } from '../core/index.js';
import { logDebug } from './debug-log.js';

/** A mistake in how the command was typed (exit code 2), as opposed to bad content (exit 1). */
export class UsageError extends Error {}

export const out = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : s + '\n');
export const err = (s: string): void => void process.stderr.write(s.endsWith('\n') ? s : s + '\n');

/** Progress on stderr: a rewriting line on a terminal, a line per tenth otherwise (logs stay short). */
export function progressReporter(label: string): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    if (total < 4) return; // a short render needs no progress line
    const pct = Math.floor((done / total) * 100);
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label} ${done}/${total}（${pct}%）${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(pct / 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      err(`${label} ${done}/${total}（${pct}%）`);
    }
  };
}

/**
 * What the user reads when a command stops: Chinese, saying what to do. The technical original
 * (a cause, a stack) goes to the debug log only — never raw library text or a file's bytes.
 */
export function describeError(e: unknown, argv: readonly string[] = []): string {
  if (e instanceof StudioError) {
    if (e.cause !== undefined) logDebug(e, argv);
    return `错误：${e.full}`;
  }
  if (e instanceof UsageError) {
    if (e.cause !== undefined) logDebug(e, argv);
    return `用法错误：${e.message}\n运行 campaign-studio help 查看用法`;
  }
  const log = logDebug(e, argv);
  return [
    '出现意外错误，操作没有完成（已写好的文件不受影响）。',
    log
      ? `详细信息已记入 ${log}，请把这个文件发给维护人员。`
      : '请加上 CAMPAIGN_STUDIO_DEBUG=1 重新运行，把显示的内容发给维护人员。',
  ].join('\n');
}
