import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/campaign-studio.js');

export interface ServerProcess {
  url: string;
  port: number;
  fingerprint: string;
  child: ChildProcess;
  /** SIGKILL: no clean-up of any kind, as a power cut or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `campaign-studio team-server` as its own process (the compiled CLI), once it says it is listening. */
export function spawnServer(db: string, dataDir: string, port = 0): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'team-server', '--db', db, '--listen', `127.0.0.1:${port}`, '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`team-server exited (${code}): ${stderr}${stdout}`)));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const url = /团队服务器已启动：(\S+)/.exec(stdout)?.[1];
      const fingerprint = /证书指纹（SHA-256）：([0-9A-F:]+)/.exec(stdout)?.[1];
      if (url && fingerprint)
        done({
          url,
          port: Number(new URL(url).port),
          fingerprint,
          child,
          kill: () => end('SIGKILL'),
          stop: () => end('SIGTERM'),
        });
    });
  });
}
