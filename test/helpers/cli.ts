import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/campaign-studio.js');
const LAUNCHER = resolve(import.meta.dirname, '../../bin/campaign-studio');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How a CLI start is made: the plain bundle (the package's bin; Windows) or the POSIX launcher. */
export type CliStart = 'bundle' | 'launcher';

/**
 * The command line of a CLI run. By default the launcher where users have it (not on Windows), so
 * the commands' tests run from the start-up snapshot; CS_TEST_CLI=bundle runs them all through the
 * plain bundle instead.
 */
export function cliCommand(args: string[], start?: CliStart): [string, string[]] {
  const how = start ?? (process.platform === 'win32' || process.env.CS_TEST_CLI === 'bundle' ? 'bundle' : 'launcher');
  return how === 'launcher' ? [LAUNCHER, args] : [process.execPath, [BIN, ...args]];
}

/**
 * Run the real CLI (the compiled build, as a user would) in a child process. `input` is written
 * to its standard input (e.g. a password for --password-stdin).
 */
export function studio(
  args: string[],
  opts: { env?: Record<string, string>; input?: string; start?: CliStart } = {},
): Promise<CliResult> {
  const [cmd, argv] = cliCommand(args, opts.start);
  return runProcess(cmd, argv, opts);
}

/** A program run to its end, its output collected (a CLI start other than the project's own). */
export function runProcess(
  cmd: string,
  argv: string[],
  opts: { env?: Record<string, string>; input?: string } = {},
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const p = spawn(cmd, argv, {
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    p.stdin.end(opts.input ?? '');
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}
