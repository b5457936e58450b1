#!/usr/bin/env node
// npm start: the studio, always. With Electron's binary, the desktop window; without it, the
// binary is fetched when its download site answers within seconds (Electron's own install step
// would retry for minutes offline), and otherwise — or when the download or Electron itself
// fails — the same studio in the system's browser (browser mode on 127.0.0.1), its URL printed.
// `npm ci` never downloads Electron (package.json denies its install script): this is where it
// happens. Extra arguments (`npm start -- --library DIR`) go to the app or to browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApp, ROOT } from './build-app.mjs';
import {
  answers,
  cachedZip,
  downloadSite,
  ELECTRON,
  electronBinary,
  installElectron,
  version,
} from './start-electron.mjs';

const say = (s) => process.stderr.write(`${s}\n`);
/** Electron that exits with an error this soon did not start (missing system libraries and the like). */
const EARLY_EXIT_MS = 15_000;

/** The technical output goes to the studio's debug log (dist/main/cli/debug-log.js), not the screen. */
async function logDebug(what, output) {
  try {
    const { logDebug: log } = await import('../dist/main/cli/debug-log.js');
    return log(new Error(`${what}\n${output}`), ['npm start']);
  } catch {
    return undefined;
  }
}

function howToGetDesktop(site) {
  return [
    '要用桌面版：',
    `  · 在能上网的电脑上运行 npm start，会自动下载 Electron（约 100 MB，来自 ${site}）；`,
    '  · 或设置镜像后再运行，例如（单位内网的镜像，或国内镜像 https://npmmirror.com/mirrors/electron/）：',
    '      ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '    Windows 命令提示符：set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ 然后 npm start',
  ].join('\n');
}

/** Browser mode in this terminal until Ctrl-C; its first line on stdout is the URL. */
function browserMode(args) {
  say('现在用浏览器模式打开工作室：功能与桌面版相同，用的是同一个素材库。\n');
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main', 'server', 'serve.js'), '--open', ...args], {
    stdio: 'inherit',
  });
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => child.kill(s));
  child.on('close', (code) => process.exit(code ?? 0));
}

/** The desktop window; resolves false if Electron failed to start (then browser mode takes over). */
function desktop(args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [join(ELECTRON, 'cli.js'), join(ROOT, 'dist', 'main', 'app', 'main.js'), ...args],
      {
        stdio: 'inherit',
      },
    );
    for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
    child.on('close', (code) => {
      if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) return resolve(false);
      process.exit(code ?? 0);
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  let bin = electronBinary();
  if (!bin) {
    const site = downloadSite();
    const host = new URL(site).host;
    const skip = Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD);
    const offline = !skip && !cachedZip() && !process.env.ELECTRON_GET_USE_PROXY && !(await answers(site));
    if (skip) {
      say('还没有桌面版所需的 Electron 程序，而环境变量 ELECTRON_SKIP_BINARY_DOWNLOAD 要求不下载它。');
      say(`要用桌面版：去掉这个变量，在能连上 ${host} 的电脑上再运行 npm start（或设置 ELECTRON_MIRROR 镜像）。`);
    } else if (offline) {
      say(`还没有桌面版所需的 Electron 程序，这台电脑现在也连不上它的下载地址（${host}）。`);
      say(howToGetDesktop(host));
    } else {
      say(`正在下载桌面版所需的 Electron ${version()}（约 100 MB，来自 ${host}），只需下载一次，请稍候…`);
      const r = await installElectron();
      if (r.ok) bin = electronBinary();
      else {
        say('正在编译…');
        buildApp();
        const log = await logDebug('Electron download failed', r.output);
        say(`下载 Electron 没有成功${log ? `（详细信息已记入 ${log}）` : ''}。`);
        say(howToGetDesktop(host));
        return browserMode(args);
      }
    }
  }
  say('正在编译…');
  buildApp();
  if (bin && (await desktop(args))) return;
  if (bin) say('桌面版没能启动（这台电脑可能缺少它需要的系统组件，详见上面的信息）。');
  browserMode(args);
}

await main();
