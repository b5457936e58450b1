import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Temporary files a process leaves when it is killed (SIGKILL, power loss) and never gets to
 * remove: the private temp folders of the server and of batch runs, and the `.NAME.tmp-PID-…`
 * file an atomic write leaves beside its output. Each name carries the owner's process id, so a
 * later run can tell an orphan from the file of a process still working. Only our own name
 * patterns are ever touched.
 */

/** The kinds of private temp folder, one per owner. */
export type TempKind = 'exports' | 'uploads' | 'batches' | 'batch';
const KINDS = 'exports|uploads|batches|batch';
const PREFIX = 'campaign-studio-';
/** Ours with the owner's pid: campaign-studio-exports-1234-Ab3xYz. */
const DIR_WITH_PID = new RegExp(`^${PREFIX}(?:${KINDS})-(\\d+)-[A-Za-z0-9]{6}$`);
/** Made by versions before the pid was in the name: only age tells they are orphans. */
const DIR_LEGACY = new RegExp(`^${PREFIX}(?:${KINDS})-[A-Za-z0-9]{6}$`);
/** An atomic write's temporary file (engine/output/atomic.ts): .NAME.tmp-PID-8hex. */
const OUTPUT_TEMP = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

/** A file no process has touched for this long is an orphan even if its pid is alive (pids are reused). */
export const STALE_MS = 24 * 60 * 60_000;

/** A private temp folder for this process, its pid in the name so a later run can sweep it if we are killed. */
export function privateTempDir(kind: TempKind, root: string = tmpdir()): string {
  return mkdtempSync(join(root, `${PREFIX}${kind}-${process.pid}-`));
}

/** Whether a process with this id exists (EPERM: it does, and belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ageMs = (path: string, now: number): number => {
  try {
    return now - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

const names = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Remove the private temp folders of server and batch processes that are gone: those whose pid is
 * dead, and (made before the pid was in the name) those untouched for a day. A live process's
 * folder is never touched, however old. Returns what was removed.
 */
export function sweepStaleTempDirs(root: string = tmpdir(), now: number = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of names(root)) {
    const withPid = DIR_WITH_PID.exec(name);
    const path = join(root, name);
    const stale = withPid ? !pidAlive(Number(withPid[1])) : DIR_LEGACY.test(name) && ageMs(path, now) > STALE_MS;
    if (!stale) continue;
    try {
      if (!statSync(path).isDirectory()) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Another process swept it first, or it is not ours to remove: leave it.
    }
  }
  return removed;
}

const sweptOutputDirs = new Set<string>();

/**
 * Remove the temporary files killed renders left in an output folder: only files named like our
 * atomic writes' temp files, only when their process is gone or they are a day old. Once per
 * folder per process (a batch writes thousands of files into one folder). Returns what was removed.
 */
export function sweepStaleOutputTemps(dir: string, now: number = Date.now()): string[] {
  if (sweptOutputDirs.has(dir)) return [];
  sweptOutputDirs.add(dir);
  const removed: string[] = [];
  for (const name of names(dir)) {
    const m = OUTPUT_TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue; // our own writes in progress
    const path = join(dir, name);
    if (pidAlive(pid) && ageMs(path, now) <= STALE_MS) continue;
    try {
      if (!statSync(path).isFile()) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Forget which output folders were swept (tests). */
export function resetOutputSweep(): void {
  sweptOutputDirs.clear();
}
