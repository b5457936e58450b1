import { createInterface } from 'node:readline';
import { StudioError } from '../../core/index.js';
import { ACTIONS, STATUSES, type AuditEntry, type TeamSample } from '../../team/api.js';
import { numberOption } from '../args.js';
import { out } from '../io.js';
import { describe } from './library-share.js';

/** All of standard input, without its final line break (`echo secret | … --password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Ask on the terminal without echoing what is typed. */
export function askHidden(question: string): Promise<string> {
  return new Promise((done, fail) => {
    const stdin = process.stdin;
    if (!stdin.isTTY)
      return fail(new StudioError('invalid-input', '需要密码：不在终端中运行时请加 --password-stdin，从标准输入传入'));
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return done(typed);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          return fail(new StudioError('invalid-input', '已取消'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A yes/no question on the terminal (no answer, or not a terminal: no). */
export async function askYes(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((done) => rl.question(question, done));
  rl.close();
  return /^(y|yes|是|确认)$/i.test(answer.trim());
}

/** A stored time (ISO, UTC) as this computer's local time, to the minute or second. */
export function localTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const t = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return seconds ? `${t}:${p(d.getSeconds())}` : t;
}

export const actionName = (a: string): string => ACTIONS[a] ?? a;

/** One line of the audit log: when, who (unit), from where, what, on what, details. */
export function auditLine(e: AuditEntry): string {
  const details = Object.keys(e.details).length ? `  ${JSON.stringify(e.details)}` : '';
  return `${localTime(e.at, true)}  ${e.actor}${e.actorUnit ? `（${e.actorUnit}）` : ''}  ${e.ip}  ${actionName(e.action)}  ${e.targetType}:${e.targetId}${details}`;
}

/** One line of a list: id prefix, status, unit, date, title, and the reviewer's comment when rejected. */
export function sampleLine(s: TeamSample): string {
  const comment = s.status === 'rejected' && s.reviewComment ? `  退回意见：${s.reviewComment}` : '';
  return `${s.id.slice(0, 8)}  ${STATUSES[s.status]}  ${s.unit}  ${s.publishedAt}  ${s.title}${comment}`;
}

/** A sample in full: the local library's description plus where it is in review. */
export function sampleDetail(s: TeamSample): string {
  return [
    describe(s),
    `  状态：${STATUSES[s.status]}  作者：${s.author}${s.submittedAt ? `  提交：${localTime(s.submittedAt)}` : ''}`,
    ...(s.reviewer
      ? [
          `  审核：${s.reviewer}（${s.reviewedAt ? localTime(s.reviewedAt) : ''}）${s.reviewComment ? `  意见：${s.reviewComment}` : ''}`,
        ]
      : []),
  ].join('\n');
}

/** An integer option within bounds (--limit), or its default. */
export function intOption(name: string, v: string | undefined, fallback: number, max: number): number {
  return numberOption(name, v, { min: 1, max, integer: true }) ?? fallback;
}

/** The audit log as JSON or one line per entry (newest first). */
export function printAudit(entries: AuditEntry[], json: boolean | undefined): void {
  if (json) out(JSON.stringify(entries, null, 2));
  else for (const e of entries) out(auditLine(e));
}
