import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { parseOrThrow } from '../core/index.js';
import { PasswordSchema, RoleSchema, UnitNameSchema, UserNameSchema, type Me, type Role, type User } from './api.js';
import { audit, type Actor } from './audit.js';
import { tx, type Pool, type Queryable } from './db.js';
import { forbidden, TeamError } from './errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';

/** Sessions end after this long without a request, and in any case this long after login. */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}
export const DEFAULT_SESSIONS: SessionPolicy = { idleMinutes: 4 * 60, maxHours: 24 };

/** Failed logins allowed per user name and per address in the window before logins are refused. */
export const LOGIN_LIMITS = { perUser: 5, perAddress: 30, windowMinutes: 15 };

interface UserRow {
  id: number;
  name: string;
  unit: string;
  unit_id: number;
  role: Role;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
}

const USER_SELECT = `SELECT u.id, u.name, n.name AS unit, u.unit_id, u.role, u.password_hash, u.disabled_at, u.created_at
  FROM users u JOIN units n ON n.id = u.unit_id`;

const toUser = (r: UserRow): User => ({
  name: r.name,
  unit: r.unit,
  role: r.role,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at,
});

async function userRow(db: Queryable, name: string): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`${USER_SELECT} WHERE u.name = $1`, [name])).rows[0];
}

/** The unit's id, creating it (and logging that) when it is new. */
export async function ensureUnit(c: pg.PoolClient, who: Actor, name: string): Promise<number> {
  const unit = parseOrThrow(UnitNameSchema, name, '单位名称');
  const found = await c.query<{ id: number }>('SELECT id FROM units WHERE name = $1', [unit]);
  if (found.rows[0]) return found.rows[0].id;
  const r = await c.query<{ id: number }>(
    'INSERT INTO units (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id',
    [unit],
  );
  await audit(c, who, 'unit-add', { type: 'unit', id: unit });
  return r.rows[0]!.id;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  return (await db.query<UserRow>(`${USER_SELECT} ORDER BY n.name, u.name`)).rows.map(toUser);
}

export async function addUser(
  pool: Pool,
  who: Actor,
  input: { name: string; unit: string; role: string; password: string },
): Promise<User> {
  const name = parseOrThrow(UserNameSchema, input.name, '用户名');
  const role = parseOrThrow(RoleSchema, input.role, '角色');
  const password = parseOrThrow(PasswordSchema, input.password, '密码');
  const hash = await hashPassword(password);
  return tx(pool, async (c) => {
    if (await userRow(c, name))
      throw new TeamError('conflict', `用户「${name}」已存在`, ['要改密码请用 reset，改角色或单位请用 update']);
    const unitId = await ensureUnit(c, who, input.unit);
    await c.query('INSERT INTO users (name, unit_id, role, password_hash) VALUES ($1, $2, $3, $4)', [
      name,
      unitId,
      role,
      hash,
    ]);
    await audit(c, who, 'user-add', { type: 'user', id: name }, { unit: input.unit.trim(), role });
    return toUser((await userRow(c, name))!);
  });
}

/** Change a user's role, unit, password or disabled state; sessions end when the password or state changes. */
export async function updateUser(
  pool: Pool,
  who: Actor,
  input: {
    name: string;
    role?: string | undefined;
    unit?: string | undefined;
    disabled?: boolean | undefined;
    password?: string | undefined;
  },
): Promise<User> {
  const role = input.role === undefined ? undefined : parseOrThrow(RoleSchema, input.role, '角色');
  const hash =
    input.password === undefined ? undefined : await hashPassword(parseOrThrow(PasswordSchema, input.password, '密码'));
  return tx(pool, async (c) => {
    const cur = await c.query<UserRow>(`${USER_SELECT} WHERE u.name = $1 FOR UPDATE OF u`, [input.name]);
    const u = cur.rows[0];
    if (!u) throw new TeamError('not-found', `没有名为「${input.name}」的用户`);
    if (u.id === who.userId && (input.disabled || (role && role !== 'admin')))
      throw forbidden('不能停用自己或取消自己的管理员角色：请另一位管理员操作');
    const changed: Record<string, unknown> = {};
    if (role && role !== u.role) {
      await c.query('UPDATE users SET role = $1 WHERE id = $2', [role, u.id]);
      changed.role = { from: u.role, to: role };
    }
    if (input.unit !== undefined && input.unit.trim() !== u.unit) {
      const unitId = await ensureUnit(c, who, input.unit);
      await c.query('UPDATE users SET unit_id = $1 WHERE id = $2', [unitId, u.id]);
      changed.unit = { from: u.unit, to: input.unit.trim() };
    }
    if (input.disabled !== undefined && input.disabled !== (u.disabled_at !== null)) {
      await c.query('UPDATE users SET disabled_at = CASE WHEN $1 THEN now() END WHERE id = $2', [input.disabled, u.id]);
      changed.disabled = input.disabled;
    }
    if (hash) {
      await c.query('UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2', [hash, u.id]);
      changed.password = '已重设';
    }
    // A new password, a disabled account or a changed role or unit: every open session ends.
    if (Object.keys(changed).length) await c.query('DELETE FROM sessions WHERE user_id = $1', [u.id]);
    if (Object.keys(changed).length) await audit(c, who, 'user-update', { type: 'user', id: u.name }, changed);
    return toUser((await userRow(c, u.name))!);
  });
}

const sha = (token: string) => createHash('sha256').update(token).digest();

/** Refuse before spending a password check when this name or address failed too often lately. */
async function checkRateLimit(db: Queryable, user: string, ip: string): Promise<void> {
  const r = await db.query<{ by_user: number; by_ip: number }>(
    `SELECT count(*) FILTER (WHERE user_name = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip
       FROM login_failures WHERE at > now() - make_interval(mins => $3) AND (user_name = $1 OR ip = $2)`,
    [user, ip, LOGIN_LIMITS.windowMinutes],
  );
  const { by_user, by_ip } = r.rows[0]!;
  if (by_user >= LOGIN_LIMITS.perUser || by_ip >= LOGIN_LIMITS.perAddress)
    throw new TeamError('rate-limited', `登录失败次数过多，请 ${LOGIN_LIMITS.windowMinutes} 分钟后再试`, [
      '忘记密码请联系管理员重设',
    ]);
}

export interface Session {
  token: string;
  expiresAt: string;
  me: Me;
}

/** Check the password (rate-limited, same time for unknown names) and open a session. */
export async function login(
  pool: Pool,
  input: { user: string; password: string; ip: string },
  policy: SessionPolicy = DEFAULT_SESSIONS,
): Promise<Session> {
  const { user, password, ip } = input;
  await checkRateLimit(pool, user, ip);
  const row = await userRow(pool, user);
  const ok = row ? await verifyPassword(password, row.password_hash) : (await burnPasswordCheck(password), false);
  const who: Actor = {
    userId: row?.id ?? null,
    name: user,
    unit: row?.unit ?? '',
    unitId: row?.unit_id ?? null,
    role: null,
    ip,
  };
  if (!row || !ok || row.disabled_at) {
    await tx(pool, async (c) => {
      await c.query('INSERT INTO login_failures (user_name, ip) VALUES ($1, $2)', [user, ip]);
      await c.query("DELETE FROM login_failures WHERE at < now() - interval '1 day'");
      await audit(
        c,
        who,
        'login-failed',
        { type: 'user', id: user },
        { reason: !row ? '无此用户' : !ok ? '密码错误' : '账号已停用' },
      );
    });
    if (row?.disabled_at && ok) throw new TeamError('forbidden', '该账号已停用，请联系管理员');
    throw new TeamError('unauthorized', '用户名或密码不对');
  }
  const token = randomBytes(32).toString('base64url');
  const expires = await tx(pool, async (c) => {
    await c.query('DELETE FROM login_failures WHERE user_name = $1', [user]);
    // Ended sessions of everyone are removed now and then, here rather than by a timer.
    await c.query('DELETE FROM sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1)', [
      policy.idleMinutes,
    ]);
    const r = await c.query<{ expires_at: string }>(
      `INSERT INTO sessions (token_sha, user_id, expires_at, ip) VALUES ($1, $2, now() + make_interval(hours => $3), $4)
       RETURNING expires_at`,
      [sha(token), row.id, policy.maxHours, ip],
    );
    await audit(c, { ...who, role: row.role }, 'login', { type: 'session', id: user });
    return r.rows[0]!.expires_at;
  });
  return { token, expiresAt: expires, me: { name: row.name, unit: row.unit, role: row.role } };
}

/**
 * The user behind a session token, or a refusal: no token, an unknown one, or one that has
 * expired (idle too long or past its end). last_seen is written at most once a minute.
 */
export async function authenticate(
  pool: Pool,
  token: string | undefined,
  ip: string,
  policy: SessionPolicy = DEFAULT_SESSIONS,
): Promise<Actor> {
  if (!token) throw new TeamError('unauthorized', '请先登录');
  const r = await pool.query<UserRow & { expired: boolean; stale: boolean }>(
    `SELECT u.id, u.name, n.name AS unit, u.unit_id, u.role, u.disabled_at,
            (s.expires_at < now() OR s.last_seen_at < now() - make_interval(mins => $2)) AS expired,
            s.last_seen_at < now() - interval '1 minute' AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN units n ON n.id = u.unit_id
      WHERE s.token_sha = $1`,
    [sha(token), policy.idleMinutes],
  );
  const row = r.rows[0];
  if (!row) throw new TeamError('unauthorized', '登录无效，请重新登录');
  if (row.expired) {
    await pool.query('DELETE FROM sessions WHERE token_sha = $1', [sha(token)]);
    throw new TeamError('session-expired', '登录已过期，请重新登录');
  }
  if (row.disabled_at) throw new TeamError('forbidden', '该账号已停用，请联系管理员');
  if (row.stale) await pool.query('UPDATE sessions SET last_seen_at = now() WHERE token_sha = $1', [sha(token)]);
  return { userId: row.id, name: row.name, unit: row.unit, unitId: row.unit_id, role: row.role, ip };
}

export async function logout(pool: Pool, who: Actor, token: string): Promise<void> {
  await tx(pool, async (c) => {
    await c.query('DELETE FROM sessions WHERE token_sha = $1', [sha(token)]);
    await audit(c, who, 'logout', { type: 'session', id: who.name });
  });
}

export async function changePassword(pool: Pool, who: Actor, token: string, old: string, next: string): Promise<void> {
  const row = await userRow(pool, who.name);
  if (!row || !(await verifyPassword(old, row.password_hash)))
    throw new TeamError('forbidden', '原密码不对，密码未修改');
  const hash = await hashPassword(parseOrThrow(PasswordSchema, next, '新密码'));
  await tx(pool, async (c) => {
    await c.query('UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2', [hash, row.id]);
    // Other sessions (another PC) end; this one stays.
    await c.query('DELETE FROM sessions WHERE user_id = $1 AND token_sha <> $2', [row.id, sha(token)]);
    await audit(c, who, 'password-change', { type: 'user', id: who.name });
  });
}
