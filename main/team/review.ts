import type pg from 'pg';
import type { Status, TeamSample } from './api.js';
import { audit, type Actor } from './audit.js';
import type { Queryable } from './db.js';
import { forbidden, TeamError } from './errors.js';
import { hydrate, resolve, type SampleKey } from './sample-rows.js';
import { Params, visibleTo } from './sql.js';

/* Review: draft → submitted → approved | rejected, who may move a sample, and the queues. */

/** Only the unit that owns a sample edits, submits or deletes it, and only while it is a draft or rejected. */
export function assertOwnEditable(who: Actor, k: SampleKey, verb: string): void {
  if (k.owner_unit_id !== who.unitId) throw forbidden(`只有本单位可以${verb}样本「${k.title}」`);
  if (k.status !== 'draft' && k.status !== 'rejected')
    throw new TeamError(
      'conflict',
      `样本「${k.title}」${k.status === 'approved' ? '已发布' : '正在审核'}，不能${verb}`,
    );
}

/** Move a sample to a new review state and log it (the comment goes to the author). */
export async function setStatus(
  c: Queryable,
  who: Actor,
  k: SampleKey,
  to: Status,
  action: string,
  comment: string | null,
): Promise<void> {
  const reviewed = to === 'approved' || to === 'rejected';
  await c.query(
    `UPDATE samples SET status = $1, updated_at = now(),
            submitted_at = CASE WHEN $1 = 'submitted' THEN now() ELSE submitted_at END,
            reviewed_at = CASE WHEN $2 THEN now() ELSE reviewed_at END,
            reviewer_id = CASE WHEN $2 THEN $3::int ELSE reviewer_id END,
            review_comment = CASE WHEN $2 THEN $4 ELSE review_comment END
      WHERE n = $5`,
    [to, reviewed, who.userId, comment, k.n],
  );
  await audit(
    c,
    who,
    action,
    { type: 'sample', id: k.id },
    {
      title: k.title,
      status: { from: k.status, to },
      ...(comment ? { comment } : {}),
    },
  );
}

export async function submitSample(c: pg.PoolClient, who: Actor, ref: string): Promise<string> {
  const k = await resolve(c, who, ref, true);
  assertOwnEditable(who, k, '提交');
  await setStatus(c, who, k, 'submitted', 'sample-submit', null);
  return k.n;
}

/**
 * A reviewer's decision on a submitted sample. Nobody reviews their own submission: a reviewer's
 * own material needs a second reviewer.
 */
export async function review(
  c: pg.PoolClient,
  who: Actor,
  ref: string,
  decision: 'approved' | 'rejected',
  comment: string | null,
): Promise<string> {
  if (who.role !== 'reviewer' && who.role !== 'admin') throw forbidden('只有审核员可以审核样本');
  const k = await resolve(c, who, ref, true);
  if (k.status !== 'submitted')
    throw new TeamError('conflict', `样本「${k.title}」不在待审核状态（现为${STATUS_LABELS[k.status]}）`);
  if (k.author_id === who.userId) throw forbidden('不能审核自己提交的样本，请由另一位审核员审核');
  await setStatus(c, who, k, decision, decision === 'approved' ? 'sample-approve' : 'sample-reject', comment);
  return k.n;
}

const STATUS_LABELS: Record<Status, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已发布',
  rejected: '已退回',
};

/**
 * What waits for the caller: for reviewers, what was submitted (oldest first); for editors, their
 * unit's drafts, submissions and rejections (newest first). `status` narrows it, within what they may see.
 */
export async function reviewList(
  db: Queryable,
  who: Actor,
  q: { status?: Status[] | undefined; limit: number },
): Promise<TeamSample[]> {
  const p = new Params();
  const where = [visibleTo(who, p)];
  const reviewer = who.role === 'reviewer' || who.role === 'admin';
  const statuses = q.status?.length ? q.status : reviewer ? ['submitted'] : ['draft', 'submitted', 'rejected'];
  where.push(`s.status = ANY(${p.add(statuses)}::text[])`);
  if (!reviewer) where.push(`s.owner_unit_id = ${p.add(who.unitId ?? -1)}`);
  const order = reviewer && !q.status?.length ? 's.submitted_at, s.n' : 's.updated_at DESC, s.n DESC';
  const r = await db.query<{ n: string }>(
    `SELECT s.n FROM samples s WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p.add(q.limit)}`,
    p.values,
  );
  return hydrate(
    db,
    r.rows.map((x) => x.n),
  );
}
