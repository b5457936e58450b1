import { describeError, err, out, UsageError } from './io.js';
import { StudioError } from '../core/index.js';

const HELP = `campaign-studio — 反诈物料工作室 命令行

用法：
  campaign-studio templates [--json]
      列出模板（编号、类型、尺寸、槽位）
  campaign-studio formats [--json]
      列出规格目录（横幅、海报、易拉宝、贴纸、微信图等的尺寸、出血、安全边距、分辨率）
  campaign-studio contact-sheet --out 一览图.png [--columns N] [--cell 像素] [--json]
      把全部模板排成一张带标注的缩略图一览
  campaign-studio render (--template 编号 | --design 设计.csdesign …) [--profile 本单位信息.json] [--set 槽位=内容]… --out 输出文件
         [--format pdf|png|jpeg|webp] [--dpi N | --width 像素] [--cmyk | --rgb] [--outline-text]
         [--bleed | --no-bleed] [--large-page userunit|scale] [--tile a4|a3 [--overlap 毫米]]
         [--allow-overflow] [--allow-placeholder] [--json]
      输出 PDF 或图片；格式默认取自文件扩展名。多个 --design 输出为多页 PDF。
      --profile 填入本单位的名称、专线、二维码、标志；还留着模板示例内容（××、示例日期、示例二维码、空照片框）时
      不输出（退出码 3），确需样稿时加 --allow-placeholder。
  campaign-studio preflight (--template 编号 | --design 设计.csdesign) [--profile 本单位信息.json] [--set 槽位=内容]… [--json]
      印前检查：模板示例内容、出安全区、缺字、图片分辨率、字太小、对比度不足、二维码留白、封面中间区域、贴纸模切边距。
  campaign-studio batch (--template 编号 | --design 设计.csdesign) [--profile 本单位信息.json] [--set 槽位=内容]… --data 表格.csv|.xlsx --out 文件夹
         [--format pdf|png|jpeg|webp] [--single-pdf] [--zip] [--name 文件名规则] [--dpi N] [--allow-placeholder] [--json]
      批量生成：表格每行一份（列名与槽位名或其中文名相同即填入该槽位，如「标语」「单位名称」）；
      文件名规则如 "{序号}-{单位}-横幅"；有行失败时列出行号，退出码为 1。
  campaign-studio impose --sheet a4|a3|sra3|宽x高 --item 设计.csdesign|模板编号[:数量]… --out 拼版.pdf [--gap 毫米] [--margin 毫米]
         [--job 任务名] [--profile 本单位信息.json] [--no-rotate] [--allow-placeholder] [--json]
      拼版：贴纸、吊牌、台卡、价签按数量依次排满整张纸（各带出血、裁切标记、模切线 CutContour、纸张标签），报告用纸张数与损耗；
      能省纸时把部分物料转 90° 排，--no-rotate 不转（有纹理方向或刀模不能转时）
  campaign-studio order --item 设计.csdesign|模板编号[:数量]… --out 文件夹 [--job 任务名] [--profile 本单位信息.json]
         [--date YYYY-MM-DD] [--allow-placeholder] [--json]
      交付包：每款物料的印刷 PDF、制作单（PDF + XLSX：缩略图、成品尺寸、材料、工艺、数量）和交给印刷厂的压缩包
  campaign-studio kit market --stalls 摊位表.csv|.xlsx --out 文件夹 [--profile 本单位信息.json] [--allow-placeholder] [--json]
      反诈小铺套装：每个摊位编一句押韵标语，生成展板、吊牌、贴纸拼版、入口横幅、易拉宝、制作单（PDF + XLSX）和交付压缩包
  campaign-studio kit grid --audiences 人群表.csv|.xlsx|.txt --out 文件夹 [--profile 本单位信息.json] [--allow-placeholder] [--json]
      网格群宣防包：每类人群一个文件夹，含微信竖图、方图、封面图和可直接粘贴的群消息文字
  campaign-studio fonts [--json]
      列出可用字体（随软件附带的与本机安装的中文字体）
  campaign-studio slogan check 标语 [--json]
      检查标语是否押韵（同字、同音、同韵或不押韵）及前后半句字数
  campaign-studio slogan suggest [--goods 商品类别] [--fraud-type 诈骗类型]… [--first-half 前半句] [--count N] [--json]
      按摊位商品和本周诈骗类型编写押韵标语，或为前半句配押韵的提醒
  campaign-studio slogans list [--goods 商品类别] [--fraud-type 诈骗类型] [--json]
      列出标语库
  campaign-studio convert (--text 文字 | --design 设计.csdesign --out 输出.csdesign) [--to traditional|simplified]
      简繁转换（标语或设计中的全部文字）
  campaign-studio library --dir 素材库文件夹 子命令 …
      素材库：已发布的物料和收集的照片、PDF，可检索、分享、备份。子命令：
      import 文件|文件夹… [--title 标题] [--slogan 标语] [--kind 类型] [--fraud-type 诈骗类型]…
             [--unit 单位] [--location 地点] [--channel 渠道] [--date YYYY-MM-DD] [--tags 甲,乙] [--notes 备注]
          导入照片和 PDF（按内容判断；类型按尺寸推测，可用 --kind 指定）；文件夹中跳过的文件逐个列出
      publish 设计.csdesign [--title 标题] [--kind 类型] …   发布设计，连同 PDF、PNG 和缩略图
      search [关键词] [--kind 类型] [--fraud-type 诈骗类型] [--unit 单位] [--channel 渠道] [--tag 标签]
             [--from YYYY-MM] [--to YYYY-MM] [--sort relevance|date|title] [--limit N] [--offset N] [--trashed] [--json]
      show 编号 [--json]                          查看一个样本
      edit 编号 [--title 标题] [--kind 类型] …       修改样本信息（选项同 import）
      duplicate 编号 --out 设计.csdesign          另存为新设计，可以接着编辑
      trash 编号… | restore-sample 编号… | purge 编号…
                                                  移入回收站、从回收站还原、彻底删除
      export --out 文件包.zip [--query 关键词 | 编号…]  打包分享给其他单位
      import-bundle 文件包.zip                     导入别的单位的文件包（逐一校验，不覆盖已有的）
      stats [--json]                              按月、类型、诈骗类型、单位统计
      check [--quick] [--json]                    检查数据库和每个文件是否完好；有问题时退出码为 1
      backup --out 备份.zip                        备份（软件运行时也可以）
      restore --from 备份.zip                      把备份恢复到一个空文件夹
  campaign-studio team-server --db postgres://… --listen 主机:端口 --data 文件夹 [--tls-cert F --tls-key F]
  campaign-studio team-admin --db postgres://… add-user 用户名 --unit 单位 --role editor|reviewer|admin [--password-stdin]
         | list | disable 用户名 | enable 用户名 | reset 用户名 | update 用户名 --role R | audit | backup | restore
  campaign-studio team --server https://… --user 用户名 [--password-stdin] [--fingerprint 指纹]
         submit 文件… | search 关键词 [--json] | review list | approve 编号 | reject 编号 --comment 意见 | pull --out 文件夹
      全市团队库：服务器、账号管理与工作站客户端（见 docs/team.md）

退出码：0 成功；1 输入或输出有误；2 命令用法错误；3 印前检查发现错误。
出错时的技术细节记在 ~/反诈物料工作室/日志/campaign-studio.log（CAMPAIGN_STUDIO_LOG 可指定别的文件）。`;

// Loaded on demand: a command imports only the engine parts it needs, so start-up stays short.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  templates: async (a) => (await import('./commands/templates.js')).templatesCommand(a),
  render: async (a) => (await import('./commands/render.js')).renderCommand(a),
  preflight: async (a) => (await import('./commands/preflight.js')).preflightCommand(a),
  batch: async (a) => (await import('./commands/batch.js')).batchCommand(a),
  fonts: async (a) => (await import('./commands/fonts.js')).fontsCommand(a),
  formats: async (a) => (await import('./commands/formats.js')).formatsCommand(a),
  'contact-sheet': async (a) => (await import('./commands/contact-sheet.js')).contactSheetCommand(a),
  slogan: async (a) => (await import('./commands/slogan.js')).sloganCommand(a),
  slogans: async (a) => (await import('./commands/slogans.js')).slogansCommand(a),
  convert: async (a) => (await import('./commands/convert.js')).convertCommand(a),
  library: async (a) => (await import('./commands/library.js')).libraryCommand(a),
  team: async (a) => (await import('./commands/team.js')).teamCommand(a),
  'team-server': async (a) => (await import('./commands/team-server.js')).teamServerCommand(a),
  'team-admin': async (a) => (await import('./commands/team-admin.js')).teamAdminCommand(a),
  impose: async (a) => (await import('./commands/impose.js')).imposeCommand(a),
  kit: async (a) => (await import('./commands/kit.js')).kitCommand(a),
  order: async (a) => (await import('./commands/order.js')).orderCommand(a),
};

export async function run(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    out(HELP);
    return cmd ? 0 : 2;
  }
  const handler = COMMANDS[cmd];
  try {
    if (!handler) throw new UsageError(`没有「${cmd}」这个命令；可用的命令：${Object.keys(COMMANDS).join('、')}`);
    return await handler(rest);
  } catch (e) {
    err(describeError(e, argv));
    // A template sample left in place is a preflight error: exit 3, like `preflight`.
    return e instanceof UsageError ? 2 : e instanceof StudioError ? (e.code === 'placeholder' ? 3 : 1) : 70;
  }
}
