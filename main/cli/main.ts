import { describeError, err, out, UsageError } from './io.js';
import { StudioError } from '../core/index.js';
import { removeTemporaryOutputs } from '../engine/output/atomic.js';

const HELP = `campaign-studio — 反诈物料工作室 命令行

用法：
  campaign-studio templates [--json]
      列出模板（编号、类型、尺寸、槽位）
  campaign-studio render (--template 编号 | --design 文件.json …) [--set 槽位=内容]… --out 输出文件
         [--format pdf|png|jpeg|webp] [--dpi N | --width 像素] [--cmyk | --rgb] [--outline-text]
         [--bleed | --no-bleed] [--large-page userunit|scale] [--tile a4|a3 [--overlap 毫米]]
         [--allow-overflow] [--json]
      输出 PDF 或图片；格式默认取自文件扩展名。多个 --design 输出为多页 PDF。
  campaign-studio preflight (--template 编号 | --design 文件.json) [--set 槽位=内容]… [--json]
      印前检查：出安全区、缺字、图片分辨率、字太小、对比度不足。
  campaign-studio fonts [--json]
      列出可用字体（随软件附带的与本机安装的中文字体）

退出码：0 成功；1 输入或输出有误；2 命令用法错误；3 印前检查发现错误。`;

// Loaded on demand: a command imports only the engine parts it needs, so start-up stays short.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  templates: async (a) => (await import('./commands/templates.js')).templatesCommand(a),
  render: async (a) => (await import('./commands/render.js')).renderCommand(a),
  preflight: async (a) => (await import('./commands/preflight.js')).preflightCommand(a),
  fonts: async (a) => (await import('./commands/fonts.js')).fontsCommand(a),
};

export async function run(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    out(HELP);
    return cmd ? 0 : 2;
  }
  const handler = COMMANDS[cmd];
  try {
    if (!handler) throw new UsageError(`未知命令「${cmd}」`);
    return await handler(rest);
  } catch (e) {
    err(describeError(e));
    return e instanceof UsageError ? 2 : e instanceof StudioError ? 1 : 70;
  }
}

// Interrupted (Ctrl-C, a closed terminal, a killed batch job): leave no half-written file behind.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    removeTemporaryOutputs();
    err('已中断，未输出文件');
    process.exit(130);
  });
}

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
