import { removeTemporaryOutputs } from '../node/atomic.js';
import { err } from './io.js';

/**
 * What the process does around a command. Installed at start-up, never when a module loads: the
 * start-up snapshot (main/cli/snapshot.ts) runs every module's top level at build time, where
 * there is no terminal to listen on.
 */
export function installProcessHooks(): void {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // Interrupted (Ctrl-C, a closed terminal, a killed batch job): leave no half-written file behind.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      removeTemporaryOutputs();
      err('已中断，未输出文件');
      process.exit(130);
    });
  }
}

/** Run the command and leave its exit code for when the work is done. */
export function runCommandLine(run: (argv: string[]) => Promise<number>, argv: string[]): void {
  installProcessHooks();
  void run(argv).then((code) => {
    process.exitCode = code;
  });
}
