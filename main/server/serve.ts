import { parseArgs } from 'node:util';
import { startStudioServer } from './http.js';
import { openInBrowser } from './open-browser.js';
import { installOutboundGuard } from './outbound-guard.js';

/*
 * npm run serve -- [--port N] [--library DIR] [--open]: browser mode. The first line printed is
 * the URL with its token; tests and scripts read it from there. --open also opens it in the
 * system's browser where there is one (npm start's fallback uses it).
 */
installOutboundGuard();

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

let values: { port?: string; library?: string; open?: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, library: { type: 'string' }, open: { type: 'boolean' } },
    strict: true,
  }));
} catch {
  values = fail('用法：npm run serve -- [--port 端口] [--library 素材库文件夹] [--open]');
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port 应为 0 到 65535 的整数');

const studio = await startStudioServer({ port, libraryDir: values.library });
process.stdout.write(`${studio.url}\n`);
process.stderr.write(
  `反诈物料工作室（浏览器模式）已启动，仅本机可访问：在浏览器中打开上面的网址（含访问令牌）。按 Ctrl-C 退出。${studio.jobs.threaded ? '' : '（导出在主线程运行）'}
`,
);
if (values.open && (await openInBrowser(studio.url))) process.stderr.write('已在系统浏览器中打开。\n');

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    void studio.close().then(() => process.exit(0));
  });
}
