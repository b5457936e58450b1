import { parse } from '../args.js';
import { err, out, UsageError } from '../io.js';

/** HOST:PORT, [IPv6]:PORT or just PORT (all interfaces). */
function listenAddress(v: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:]+))?:?(\d{1,5})$/.exec(v);
  const port = Number(m?.[3]);
  if (!m || !Number.isInteger(port) || port > 65535)
    throw new UsageError(`--listen 应为 主机:端口，如 0.0.0.0:8443 或 192.168.1.10:8443（收到「${v}」）`);
  return { host: m[1] ?? m[2] ?? '0.0.0.0', port };
}

/**
 * `team-server --db postgres://… --listen HOST:PORT --data DIR [--tls-cert F --tls-key F]`:
 * the city's team library over HTTPS. Runs until stopped (Ctrl-C, or the service manager).
 */
export async function teamServerCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    listen: { type: 'string' },
    data: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
  });
  if (!values.db) throw new UsageError('team-server 需要 --db postgres://用户@主机:端口/数据库');
  if (!values.listen) throw new UsageError('team-server 需要 --listen 主机:端口，如 0.0.0.0:8443');
  if (!values.data) throw new UsageError('team-server 需要 --data 数据文件夹（存放文件和证书）');
  const { host, port } = listenAddress(values.listen);
  const { startTeamServer } = await import('../../team/server.js');
  const s = await startTeamServer({
    db: values.db,
    host,
    port,
    dataDir: values.data,
    tlsCert: values['tls-cert'],
    tlsKey: values['tls-key'],
  });
  if (s.certificateGenerated) out(`已生成自签名证书：${values.data}/tls/cert.pem`);
  out(`团队服务器已启动：${s.url}`);
  out(`证书指纹（SHA-256）：${s.fingerprint}`);
  out('各工作站首次连接时会显示这个指纹，请核对一致后再确认。');
  // Stopping is the normal end of a server (Ctrl-C, systemctl stop): close connections and the
  // pool, instead of the CLI's "interrupted" handling meant for half-written outputs.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void s.close().finally(() => out('团队服务器已停止')));
  }
  await new Promise<void>((done) => {
    s.server.on('close', done);
    s.server.on('error', (e) => err(`团队服务器出错：${e.message}`));
  });
  return 0;
}
