import type { SampleFile } from '../core/index.js';
import type { Status, TeamSample } from './api.js';
import type { Actor } from './audit.js';
import type { Queryable } from './db.js';
import { notFound, TeamError } from './errors.js';
import { Params, visibleTo } from './sql.js';

/* Reading samples: rows to TeamSamples, and a sample by id or prefix among those a user may see. */

interface SampleRow {
  n: string;
  id: string;
  title: string;
  kind: TeamSample['kind'];
  format: string;
  width_mm: number | null;
  height_mm: number | null;
  published_at: string;
  unit: string;
  location: string;
  channel: string;
  fraud_types: TeamSample['fraudTypes'];
  tags: string[];
  slogan: string;
  notes: string;
  status: Status;
  content_sha: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  author: string;
  reviewer: string | null;
}

/** Full samples for row numbers, in the order given (a page of search results, a review queue). */
export async function hydrate(db: Queryable, ns: string[]): Promise<TeamSample[]> {
  if (!ns.length) return [];
  const rows = await db.query<SampleRow>(
    `SELECT s.n, s.id, s.title, s.kind, s.format, s.width_mm, s.height_mm, s.published_at, s.unit, s.location,
            s.channel, s.fraud_types, s.tags, s.slogan, s.notes, s.status, s.content_sha, s.created_at, s.updated_at,
            s.submitted_at, s.reviewed_at, s.review_comment, a.name AS author, r.name AS reviewer
       FROM samples s JOIN users a ON a.id = s.author_id LEFT JOIN users r ON r.id = s.reviewer_id
      WHERE s.n = ANY($1::bigint[])`,
    [ns],
  );
  const files = await db.query<SampleFile & { sample_n: string }>(
    'SELECT sample_n, role, sha256, size::float8 AS size, mime, name FROM files WHERE sample_n = ANY($1::bigint[]) ORDER BY role',
    [ns],
  );
  const byN = new Map<string, SampleFile[]>();
  for (const { sample_n, ...f } of files.rows) byN.set(sample_n, [...(byN.get(sample_n) ?? []), f]);
  const byRow = new Map(rows.rows.map((r) => [r.n, r]));
  return ns.flatMap((n) => {
    const r = byRow.get(n);
    return r ? [toSample(r, byN.get(n) ?? [])] : [];
  });
}

function toSample(r: SampleRow, files: SampleFile[]): TeamSample {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    format: r.format,
    ...(r.width_mm !== null ? { widthMm: r.width_mm } : {}),
    ...(r.height_mm !== null ? { heightMm: r.height_mm } : {}),
    publishedAt: r.published_at,
    unit: r.unit,
    location: r.location,
    channel: r.channel,
    fraudTypes: r.fraud_types,
    tags: r.tags,
    slogan: r.slogan,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    trashedAt: null,
    files,
    status: r.status,
    author: r.author,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewer: r.reviewer,
    reviewComment: r.review_comment,
    contentSha: r.content_sha,
  };
}

export interface SampleKey {
  n: string;
  id: string;
  title: string;
  status: Status;
  owner_unit_id: number;
  author_id: number;
}

/**
 * A sample the user may see, by full id or a unique prefix; 404 for one they may not see (so its
 * existence is not revealed). `lock` takes a row lock for a state change inside a transaction.
 */
export async function resolve(db: Queryable, who: Actor, ref: string, lock = false): Promise<SampleKey> {
  const p = new Params();
  const vis = visibleTo(who, p);
  const full = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(ref);
  const match = full ? `s.id = ${p.add(ref)}::uuid` : `s.id::text LIKE ${p.add(`${ref.replace(/[^0-9a-f-]/g, '')}%`)}`;
  const r = await db.query<SampleKey>(
    `SELECT s.n, s.id, s.title, s.status, s.owner_unit_id, s.author_id FROM samples s
      WHERE ${vis} AND ${match} LIMIT 2${lock ? ' FOR UPDATE' : ''}`,
    p.values,
  );
  if (r.rows.length > 1) throw new TeamError('invalid-input', `编号「${ref}」对应多个样本，请写得更长`);
  if (!r.rows[0]) throw notFound();
  return r.rows[0];
}

export async function getSample(db: Queryable, who: Actor, ref: string): Promise<TeamSample> {
  const k = await resolve(db, who, ref);
  return (await hydrate(db, [k.n]))[0]!;
}
