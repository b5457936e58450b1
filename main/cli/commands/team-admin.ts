import { ROLES, type Role } from '../../team/api.js';
import { consoleActor, listAudit } from '../../team/audit.js';
import { parse } from '../args.js';
import { out, UsageError } from '../io.js';
import { intOption, printAudit, readStdin } from './team-io.js';

const USAGE = 'team-admin 需要子命令：add-user、list、disable、enable、reset、update、audit、migrate、backup、restore';

/** --db may come before or after the subcommand, like library's --dir. */
function splitDb(argv: string[]): { db: string | undefined; rest: string[] } {
  let db: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') db = argv[++i];
    else if (a.startsWith('--db=')) db = a.slice(5);
    else rest.push(a);
  }
  return { db, rest };
}

/** The password from stdin, or a new random one that is printed once. */
async function passwordFor(fromStdin: boolean | undefined): Promise<{ password: string; shown: boolean }> {
  if (fromStdin) return { password: await readStdin(), shown: false };
  const { randomPassword } = await import('../../team/passwords.js');
  return { password: randomPassword(), shown: true };
}

/**
 * `team-admin --db postgres://… SUBCOMMAND`: accounts, the audit log, schema, backup and restore,
 * straight on the database (the first admin is made here). Every change is in the audit log as
 * "team-admin" from "本机命令行 user@host".
 */
export async function teamAdminCommand(argv: string[]): Promise<number> {
  const { db, rest } = splitDb(argv);
  const [sub, ...args] = rest;
  if (!db) throw new UsageError('team-admin 需要 --db postgres://用户@主机:端口/数据库');
  if (!sub) throw new UsageError(USAGE);
  const who = consoleActor();
  if (sub === 'backup' || sub === 'restore') {
    const { values } = parse(args, {
      data: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      'pg-bin': { type: 'string' },
    });
    if (!values.data) throw new UsageError(`${sub} 需要 --data 服务器数据文件夹`);
    const { backupTeam, restoreTeam } = await import('../../team/backup.js');
    if (sub === 'backup') {
      if (!values.out) throw new UsageError('backup 需要 --out 新的备份文件夹');
      const r = await backupTeam(db, values.data, values.out, who, { pgBin: values['pg-bin'] });
      out(`已备份到 ${values.out}：数据库和 ${r.files} 个文件（${(r.bytes / 1024 / 1024).toFixed(1)} MB）`);
    } else {
      if (!values.from) throw new UsageError('restore 需要 --from 备份文件夹');
      const r = await restoreTeam(db, values.data, values.from, who, { pgBin: values['pg-bin'] });
      out(`已从 ${values.from} 恢复：数据库和 ${r.files} 个文件`);
    }
    return 0;
  }
  const { openTeamDb } = await import('../../team/db.js');
  const accounts = await import('../../team/accounts.js');
  const pool = await openTeamDb(db, { max: 2 });
  try {
    switch (sub) {
      case 'migrate':
        out('数据库已是最新结构，可以启动团队服务器');
        return 0;
      case 'add-user': {
        const { values, positionals } = parse(
          args,
          { unit: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
          true,
        );
        if (positionals.length !== 1) throw new UsageError('add-user 需要一个用户名');
        if (!values.unit) throw new UsageError('add-user 需要 --unit 单位名称');
        if (!values.role) throw new UsageError('add-user 需要 --role editor|reviewer|admin');
        const { password, shown } = await passwordFor(values['password-stdin']);
        const u = await accounts.addUser(pool, who, {
          name: positionals[0]!,
          unit: values.unit,
          role: values.role,
          password,
        });
        out(`已添加用户 ${u.name}（${u.unit}，${ROLES[u.role]}）`);
        if (shown) out(`初始密码：${password}\n请当面交给本人，登录后用 team passwd 修改`);
        return 0;
      }
      case 'list': {
        const { values } = parse(args, { json: { type: 'boolean' } });
        const users = await accounts.listUsers(pool);
        if (values.json) out(JSON.stringify(users, null, 2));
        else
          for (const u of users)
            out(
              `${u.name}  ${u.unit}  ${ROLES[u.role]}${u.disabled ? '  （已停用）' : ''}  创建于 ${u.createdAt.slice(0, 10)}`,
            );
        if (!values.json && !users.length) out('还没有用户：用 team-admin add-user 添加第一位管理员');
        return 0;
      }
      case 'disable':
      case 'enable': {
        const { positionals } = parse(args, {}, true);
        if (positionals.length !== 1) throw new UsageError(`${sub} 需要一个用户名`);
        await accounts.updateUser(pool, who, { name: positionals[0]!, disabled: sub === 'disable' });
        out(sub === 'disable' ? `已停用 ${positionals[0]}，其登录已全部失效` : `已启用 ${positionals[0]}`);
        return 0;
      }
      case 'reset': {
        const { values, positionals } = parse(args, { 'password-stdin': { type: 'boolean' } }, true);
        if (positionals.length !== 1) throw new UsageError('reset 需要一个用户名');
        const { password, shown } = await passwordFor(values['password-stdin']);
        await accounts.updateUser(pool, who, { name: positionals[0]!, password });
        out(`已重设 ${positionals[0]} 的密码，其登录已全部失效`);
        if (shown) out(`新密码：${password}`);
        return 0;
      }
      case 'update': {
        const { values, positionals } = parse(args, { role: { type: 'string' }, unit: { type: 'string' } }, true);
        if (positionals.length !== 1 || (!values.role && !values.unit))
          throw new UsageError('update 需要一个用户名和 --role 或 --unit');
        const u = await accounts.updateUser(pool, who, {
          name: positionals[0]!,
          role: values.role as Role | undefined,
          unit: values.unit,
        });
        out(`已更新 ${u.name}：${u.unit}，${ROLES[u.role]}`);
        return 0;
      }
      case 'audit': {
        const { values } = parse(args, {
          json: { type: 'boolean' },
          limit: { type: 'string' },
          actor: { type: 'string' },
          target: { type: 'string' },
        });
        const limit = intOption('--limit', values.limit, 200, 100_000);
        printAudit(await listAudit(pool, { limit, actor: values.actor, targetId: values.target }), values.json);
        return 0;
      }
      default:
        throw new UsageError(`未知子命令「${sub}」；${USAGE}`);
    }
  } finally {
    await pool.end();
  }
}
