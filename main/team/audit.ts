import { hostname, userInfo } from 'node:os';
import type { AuditEntry } from './api.js';
import type { Queryable } from './db.js';

/** Who is acting: a signed-in user, or the administrator's command line on the server (no user id). */
export interface Actor {
  userId: number | null;
  name: string;
  unit: string;
  unitId: number | null;
  role: 'editor' | 'reviewer' | 'admin' | null;
  /** Where the request came from: the client's address, or "本机命令行 user@host". */
  ip: string;
}

/** The administrator at the server's own console (team-admin): no account, named by the OS user and host. */
export function consoleActor(): Actor {
  return {
    userId: null,
    name: 'team-admin',
    unit: '',
    unitId: null,
    role: null,
    ip: `本机命令行 ${userInfo().username}@${hostname()}`,
  };
}

export interface AuditTarget {
  type: 'user' | 'unit' | 'session' | 'sample' | 'file' | 'template' | 'profile' | 'database';
  id: string;
}

/**
 * One line of the audit log, written in the same transaction as the change it records (so no
 * change is without its line, and no line without its change). The table refuses updates and deletes.
 */
export async function audit(
  db: Queryable,
  who: Actor,
  action: string,
  target: AuditTarget,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor, actor_unit, ip, action, target_type, target_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [who.name, who.unit, who.ip, action, target.type, target.id, JSON.stringify(details)],
  );
}

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  actor_unit: string;
  ip: string;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
}

export async function listAudit(
  db: Queryable,
  q: { limit: number; before?: number | undefined; actor?: string | undefined; targetId?: string | undefined },
): Promise<AuditEntry[]> {
  const r = await db.query<AuditRow>(
    `SELECT * FROM audit_log
      WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR target_id = $3)
      ORDER BY id DESC LIMIT $4`,
    [q.before ?? null, q.actor ?? null, q.targetId ?? null, q.limit],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    at: x.at,
    actor: x.actor,
    actorUnit: x.actor_unit,
    ip: x.ip,
    action: x.action,
    targetType: x.target_type,
    targetId: x.target_id,
    details: x.details,
  }));
}

/** What happened to one sample, oldest first: the review trail its author and reviewers see (no addresses). */
export async function sampleHistory(
  db: Queryable,
  sampleId: string,
): Promise<{ at: string; actor: string; actorUnit: string; action: string; comment: string | null }[]> {
  const r = await db.query<AuditRow>(
    "SELECT * FROM audit_log WHERE target_type = 'sample' AND target_id = $1 ORDER BY id",
    [sampleId],
  );
  return r.rows.map((x) => ({
    at: x.at,
    actor: x.actor,
    actorUnit: x.actor_unit,
    action: x.action,
    comment: typeof x.details.comment === 'string' ? x.details.comment : null,
  }));
}
