// A private PostgreSQL cluster for the team tests and the team benchmark (issue #17): initdb into a
// temporary folder, pg_ctl start on 127.0.0.1 with a free port, both as the `postgres` user when
// run as root (runuser), stopped and removed by stop(). Plain JS so bench/team.mjs can use it too.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL under /usr/lib/postgresql/<version>/bin (Debian's layout). */
export function pgBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('PostgreSQL is not installed: apt-get install postgresql (the team tests start a private cluster)');
  return join(root, versions[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Start a cluster (UTF8, C.UTF-8: pg_trgm then indexes Chinese). Trust authentication on
 * 127.0.0.1 for the `postgres` role; fsync off (the tests kill the team server, never PostgreSQL).
 * @param {Record<string, string>} [settings] more server settings (the benchmark gives it memory)
 * @returns {Promise<{host: string, port: number, dir: string, bin: string, url: (db?: string) => string, stop: () => void}>}
 */
export async function startCluster(settings = {}) {
  const bin = pgBinDir();
  const root = process.getuid?.() === 0;
  const as = (cmd, args) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'cs-team-pg-'));
  if (root) chownSync(dir, ...uidOf('postgres'));
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    as('initdb', [
      '-D',
      data,
      '--locale=C.UTF-8',
      '--encoding=UTF8',
      '--auth=trust',
      '--username=postgres',
      '--no-sync',
    ]);
    as('pg_ctl', [
      '-D',
      data,
      '-o',
      [
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
        ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
      ].join(' '),
      '-l',
      join(dir, 'server.log'),
      '-w',
      'start',
    ]);
  } catch (e) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL: ${e.stderr?.toString() ?? e.message}\n${log}`, { cause: e });
  }
  return {
    host: '127.0.0.1',
    port,
    dir,
    bin,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop() {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function uidOf(user) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no user ${user}: apt-get install postgresql creates it`);
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}
