import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOrThrow, StudioError } from '../../core/index.js';
import { SharedTemplateSchema, SharedUnitProfileSchema } from '../../team/api.js';
import type { TeamClient } from '../../team/client.js';
import { parse } from '../args.js';
import { out, UsageError } from '../io.js';
import { askHidden, intOption, printAudit } from './team-io.js';

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((e: Error) => {
    throw new StudioError('invalid-input', `无法读取${what} ${path}`, [e.message]);
  });
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new StudioError('invalid-input', `${what} ${path} 不是有效的 JSON`);
  }
}

const table = (title: string, counts: Record<string, number>) =>
  [title, ...Object.entries(counts).map(([k, n]) => `  ${k}  ${n}`)].join('\n');

/** What the centre shares and oversees: statistics, templates, unit profiles, the audit log, one's password. */
export async function teamCentreCommand(
  client: TeamClient,
  sub: string,
  args: string[],
  login: { password: string; nextFromStdin: string | undefined },
): Promise<number | null> {
  switch (sub) {
    case 'stats': {
      const { values } = parse(args, { json: { type: 'boolean' } });
      const s = await client.call('stats', {});
      if (values.json) out(JSON.stringify(s, null, 2));
      else
        out(
          [
            `已发布 ${s.total} 个样本，${s.files} 个文件（${(s.bytes / 1024 / 1024).toFixed(1)} MB）`,
            table('按状态（你可见的）：', s.byStatus),
            table('按单位：', s.byUnit),
            table('按月份：', s.byMonth),
            table('按类型：', s.byKind),
            table('按诈骗类型：', s.byFraudType),
          ].join('\n'),
        );
      return 0;
    }
    case 'templates': {
      const { values } = parse(args, { json: { type: 'boolean' }, out: { type: 'string' } });
      const r = await client.call('templates', {});
      if (values.out) {
        // Each as a design file the studio and `render --design` open.
        await mkdir(values.out, { recursive: true });
        for (const t of r.templates) {
          const { template } = await client.call('template', { id: t.id });
          await writeFile(join(values.out, `${t.id}.json`), JSON.stringify(template, null, 2) + '\n');
        }
        out(`已下载 ${r.templates.length} 个共享模板到 ${values.out}`);
        return 0;
      }
      if (values.json) out(JSON.stringify(r.templates, null, 2));
      else
        for (const t of r.templates)
          out(`${t.id}  ${t.title}  第 ${t.version} 版  ${t.updatedBy} ${t.updatedAt.slice(0, 10)}`);
      return 0;
    }
    case 'publish-template': {
      const { positionals } = parse(args, {}, true);
      if (positionals.length !== 1) throw new UsageError('publish-template 需要一个模板文件（.json）');
      const template = parseOrThrow(SharedTemplateSchema, await readJson(positionals[0]!, '模板文件'), '模板文件');
      const t = await client.call('publishTemplate', { template });
      out(`已发布共享模板 ${t.id}「${t.title}」第 ${t.version} 版，各工作站均可使用`);
      return 0;
    }
    case 'publish-profile': {
      const { positionals } = parse(args, {}, true);
      if (positionals.length !== 2) throw new UsageError('publish-profile 需要单位名称和单位资料文件（.json）');
      const p = await client.call('publishProfile', {
        unit: positionals[0]!,
        profile: parseOrThrow(SharedUnitProfileSchema, await readJson(positionals[1]!, '单位资料文件'), '单位资料文件'),
      });
      out(`已发布 ${p.unit} 的单位资料（第 ${p.version} 版）`);
      return 0;
    }
    case 'audit': {
      const { values } = parse(args, {
        json: { type: 'boolean' },
        limit: { type: 'string' },
        target: { type: 'string' },
      });
      const limit = intOption('--limit', values.limit, 200, 5000);
      printAudit(
        (await client.call('audit', { limit, ...(values.target ? { targetId: values.target } : {}) })).entries,
        values.json,
      );
      return 0;
    }
    case 'passwd': {
      parse(args, {});
      // With --password-stdin the second line of input is the new password.
      let next = login.nextFromStdin;
      if (next === undefined) {
        next = await askHidden('新密码（至少 8 个字符）：');
        if ((await askHidden('再输入一次：')) !== next) throw new UsageError('两次输入的新密码不一致，密码未修改');
      }
      await client.call('changePassword', { old: login.password, new: next });
      out('密码已修改；其他电脑上的登录已失效');
      return 0;
    }
    default:
      return null;
  }
}
