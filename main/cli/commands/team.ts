import { StudioError } from '../../core/index.js';
import type { TeamClient } from '../../team/client.js';
import { out, UsageError } from '../io.js';
import { teamCentreCommand } from './team-centre.js';
import { askHidden, askYes, readStdin } from './team-io.js';
import { teamSamplesCommand } from './team-samples.js';

const SUBCOMMANDS =
  'submit、search、show、review list、approve、reject、delete、pull、stats、templates、publish-template、publish-profile、audit、passwd';

/** The options every team subcommand takes, wherever they stand on the line. */
function splitGlobal(argv: string[]) {
  const g: { server?: string; user?: string; fingerprint?: string; passwordStdin: boolean } = { passwordStdin: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--server') g.server = value();
    else if (name === '--user') g.user = value();
    else if (name === '--fingerprint') g.fingerprint = value();
    else if (a === '--password-stdin') g.passwordStdin = true;
    else rest.push(a);
  }
  return { g, rest };
}

/**
 * The fingerprint to pin: --fingerprint (checked against the live server, then remembered), the
 * one confirmed before (in the user's data folder), or the server's own once the user says yes.
 */
async function pinnedFingerprint(server: string, typed: string | undefined, canAsk: boolean): Promise<string> {
  const { KnownServers } = await import('../../team/known-servers.js');
  const { trustServer } = await import('../../team/client.js');
  const { probeFingerprint } = await import('../../team/transport.js');
  const { normalizeFingerprint } = await import('../../team/tls.js');
  const known = new KnownServers();
  if (typed) {
    const fp = normalizeFingerprint(typed);
    if (!fp) throw new UsageError(`--fingerprint 格式不对：应为 64 位十六进制（可带冒号），收到「${typed}」`);
    if ((await known.get(server)) === fp) return fp;
    const seen = await probeFingerprint(server);
    if (seen !== fp)
      throw new StudioError(
        'invalid-input',
        `服务器 ${new URL(server).origin} 的证书指纹与 --fingerprint 不同，未连接`,
        [`给出的：${fp}`, `服务器的：${seen}`],
      );
    await known.set(server, fp);
    return fp;
  }
  try {
    return await trustServer(server, known, async (seen, origin) => {
      if (!canAsk) return false;
      out(`首次连接 ${origin}\n证书指纹（SHA-256）：${seen}`);
      return askYes('请与服务器启动时显示的指纹逐位核对。一致吗？(y/N) ');
    });
  } catch (e) {
    if (e instanceof StudioError && e.message.startsWith('未确认'))
      throw new StudioError('invalid-input', e.message, [
        ...e.details,
        '核对无误后加上 --fingerprint 该指纹 再运行（只需一次）',
      ]);
    throw e;
  }
}

/**
 * `team --server URL --user NAME [--password-stdin] [--fingerprint FP] SUBCOMMAND …`: the team
 * library from the command line, as a station's studio uses it.
 */
export async function teamCommand(argv: string[]): Promise<number> {
  const { g, rest } = splitGlobal(argv);
  const [sub, ...args] = rest;
  if (!g.server) throw new UsageError('team 需要 --server https://服务器:端口');
  if (!g.user) throw new UsageError('team 需要 --user 用户名');
  if (!sub) throw new UsageError(`team 需要子命令：${SUBCOMMANDS}`);
  const stdinLines = g.passwordStdin ? (await readStdin()).split(/\r?\n/) : [];
  const fingerprint = await pinnedFingerprint(g.server, g.fingerprint, !g.passwordStdin);
  const password = g.passwordStdin ? (stdinLines[0] ?? '') : await askHidden(`${g.user} 的密码：`);
  const { TeamClient } = await import('../../team/client.js');
  const client = new TeamClient(g.server, fingerprint);
  try {
    await client.login(g.user, password);
    return await dispatch(client, sub, args, { password, nextFromStdin: stdinLines[1] });
  } finally {
    await client.logout().catch(() => undefined);
    client.close();
  }
}

async function dispatch(
  client: TeamClient,
  sub: string,
  args: string[],
  login: { password: string; nextFromStdin: string | undefined },
): Promise<number> {
  const samples = await teamSamplesCommand(client, sub, args);
  if (samples !== null) return samples;
  const centre = await teamCentreCommand(client, sub, args, login);
  if (centre !== null) return centre;
  throw new UsageError(`未知子命令「${sub}」；可用：${SUBCOMMANDS}`);
}
