import { parseArgs } from 'node:util';
import { startStudioServer } from './http.js';
import { installOutboundGuard } from './outbound-guard.js';

/*
 * npm run serve -- [--port N] [--library DIR]: browser mode. The first line printed is the URL with its token;
 * tests and scripts read it from there.
 */
installOutboundGuard();

const { values } = parseArgs({ options: { port: { type: 'string' }, library: { type: 'string' } }, strict: true });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('--port 应为 0 到 65535 的整数\n');
  process.exit(2);
}

const studio = await startStudioServer({ port, libraryDir: values.library });
process.stdout.write(`${studio.url}\n`);
process.stderr.write(
  `反诈物料工作室（浏览器模式）已启动，仅本机可访问。按 Ctrl-C 退出。${studio.jobs.threaded ? '' : '（导出在主线程运行）'}\n`,
);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    void studio.close().then(() => process.exit(0));
  });
}
