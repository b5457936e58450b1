import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * The technical originals behind the Chinese messages (an OS error, libvips' or V8's own text, a
 * stack trace) are kept here, not shown: support asks for this file. CAMPAIGN_STUDIO_LOG names
 * another file; CAMPAIGN_STUDIO_DEBUG=1 also prints them on stderr.
 */

/** Past this the log is rotated to .1 (one generation kept): it never grows without bound. */
const MAX_LOG_BYTES = 1024 * 1024;

export function debugLogPath(): string {
  return process.env.CAMPAIGN_STUDIO_LOG || join(homedir(), '反诈物料工作室', '日志', 'campaign-studio.log');
}

/** Everything an error carries: its stack, then each cause's, in order. */
export function errorChain(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur !== undefined && depth < 8; depth++) {
    parts.push(cur instanceof Error ? (cur.stack ?? `${cur.name}: ${cur.message}`) : String(cur));
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return parts.join('\n  caused by: ');
}

/** Append the error's originals; returns the file written, or undefined if it could not be. */
export function logDebug(e: unknown, argv: readonly string[]): string | undefined {
  const text = `[${new Date().toISOString()}] campaign-studio ${argv.join(' ')}\n${errorChain(e)}\n\n`;
  if (process.env.CAMPAIGN_STUDIO_DEBUG === '1') process.stderr.write(text);
  const path = debugLogPath();
  try {
    mkdirSync(dirname(path), { recursive: true });
    try {
      if (statSync(path).size > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
    } catch {
      // No log yet.
    }
    appendFileSync(path, text);
    return path;
  } catch {
    return undefined;
  }
}
