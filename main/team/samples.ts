import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { cleanName } from '../library/bundle-manifest.js';
import {
  DesignSchema,
  parseOrThrow,
  SampleMetaSchema,
  type FileRole,
  type SampleFile,
  type SampleMeta,
} from '../core/index.js';
import { MAX_DESIGN_FILE_BYTES, megabytes } from '../core/limits.js';
import type { FileRef, Status, TeamSample } from './api.js';
import { audit, type Actor } from './audit.js';
import type { TeamBlobStore } from './blob-store.js';
import type { Queryable } from './db.js';
import { forbidden, notFound, TeamError } from './errors.js';
import { Params, visibleTo } from './sql.js';

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

/** The roles each content type may fill. */
const ROLE_TYPES: Record<FileRole, RegExp> = {
  design: /^application\/json$/,
  pdf: /^application\/pdf$/,
  png: /^image\/png$/,
  thumbnail: /^image\/(jpeg|png)$/,
  original: /^(image\/(jpeg|png|webp|tiff)|application\/pdf)$/,
};
const ROLE_NAMES: Record<FileRole, string> = {
  design: '设计文件',
  pdf: 'PDF',
  png: 'PNG 图片',
  thumbnail: '缩略图',
  original: '原始文件',
};

/**
 * Check the files a sample names: each uploaded already, of a type its role allows, a design a
 * valid design. The stored type and size are the server's own (sniffed at upload), never the client's.
 */
async function checkFiles(db: Queryable, blobs: TeamBlobStore, refs: FileRef[]): Promise<SampleFile[]> {
  const r = await db.query<{ sha256: string; size: number; mime: string }>(
    'SELECT sha256, size::float8 AS size, mime FROM blobs WHERE sha256 = ANY($1::text[])',
    [refs.map((f) => f.sha256)],
  );
  const known = new Map(r.rows.map((b) => [b.sha256, b]));
  const missing = refs.filter((f) => !known.has(f.sha256));
  if (missing.length)
    throw new TeamError(
      'missing-file',
      '样本引用的文件尚未上传到服务器',
      missing.map((f) => `${f.name}（${f.sha256.slice(0, 12)}…）`),
    );
  const out: SampleFile[] = [];
  for (const f of refs) {
    const b = known.get(f.sha256)!;
    if (!ROLE_TYPES[f.role].test(b.mime))
      throw new TeamError('invalid-input', `${f.name} 不能作为${ROLE_NAMES[f.role]}（内容是 ${b.mime}）`);
    if (f.role === 'design') {
      if (b.size > MAX_DESIGN_FILE_BYTES)
        throw new TeamError('too-large', `设计文件 ${f.name} 过大（超过 ${megabytes(MAX_DESIGN_FILE_BYTES)}）`);
      let json: unknown;
      try {
        json = JSON.parse((await blobs.read(f.sha256)).toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        throw new TeamError('invalid-input', `设计文件 ${f.name} 不是有效的 JSON`);
      }
      parseOrThrow(DesignSchema, json, `设计文件 ${f.name} `);
    }
    out.push({ role: f.role, sha256: f.sha256, size: b.size, mime: b.mime, name: cleanName(f.name, 200) });
  }
  return out;
}

/** The content that identifies a sample for pushes: its design, else its original, else its first file. */
const contentSha = (files: SampleFile[]): string =>
  (files.find((f) => f.role === 'design') ?? files.find((f) => f.role === 'original') ?? files[0]!).sha256;

async function insertFiles(c: Queryable, n: string, files: SampleFile[]): Promise<void> {
  for (const f of files)
    await c.query('INSERT INTO files (sample_n, role, sha256, size, mime, name) VALUES ($1, $2, $3, $4, $5, $6)', [
      n,
      f.role,
      f.sha256,
      f.size,
      f.mime,
      f.name,
    ]);
}

const metaValues = (m: SampleMeta) => [
  m.title,
  m.kind,
  m.format,
  m.widthMm ?? null,
  m.heightMm ?? null,
  m.publishedAt,
  m.location,
  m.channel,
  [...new Set(m.fraudTypes)],
  [...new Set(m.tags)],
  m.slogan,
  m.notes,
];

function checkDate(d: string): void {
  const t = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d)
    throw new TeamError('invalid-input', `发布日期 ${d} 不是有效日期`);
}

/**
 * A new sample of the caller's unit, as a draft (or submitted at once). The same content pushed
 * again by the unit returns the existing sample with duplicate: true and changes nothing — unless
 * it is a draft and this push submits, which submits it. Files were stored before; one
 * transaction inserts the sample, its files and the audit lines, so a crash leaves all or nothing.
 */
export async function createSample(
  c: pg.PoolClient,
  blobs: TeamBlobStore,
  who: Actor,
  input: { meta: Omit<SampleMeta, 'unit'>; files: FileRef[]; submit: boolean },
): Promise<{ n: string; duplicate: boolean }> {
  if (who.unitId === null || who.userId === null) throw forbidden('只有登录的用户可以提交样本');
  const meta = parseOrThrow(SampleMetaSchema, { ...input.meta, unit: who.unit }, '样本信息');
  checkDate(meta.publishedAt);
  const files = await checkFiles(c, blobs, input.files);
  const key = contentSha(files);
  const id = randomUUID();
  const status: Status = input.submit ? 'submitted' : 'draft';
  const ins = await c.query<{ n: string }>(
    `INSERT INTO samples (id, title, kind, format, width_mm, height_mm, published_at, location, channel, fraud_types, tags,
                          slogan, notes, unit, status, owner_unit_id, author_id, content_sha, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             CASE WHEN $15 = 'submitted' THEN now() END)
     ON CONFLICT (owner_unit_id, content_sha) DO NOTHING RETURNING n`,
    [id, ...metaValues(meta), who.unit, status, who.unitId, who.userId, key],
  );
  if (!ins.rows[0]) {
    const existing = await c.query<SampleKey>(
      'SELECT n, id, title, status, owner_unit_id, author_id FROM samples WHERE owner_unit_id = $1 AND content_sha = $2 FOR UPDATE',
      [who.unitId, key],
    );
    const k = existing.rows[0]!;
    if (input.submit && k.status === 'draft') await setStatus(c, who, k, 'submitted', 'sample-submit', null);
    return { n: k.n, duplicate: true };
  }
  const n = ins.rows[0].n;
  await insertFiles(c, n, files);
  await audit(c, who, 'sample-create', { type: 'sample', id }, { title: meta.title, status, contentSha: key });
  if (input.submit) await audit(c, who, 'sample-submit', { type: 'sample', id }, { title: meta.title });
  return { n, duplicate: false };
}

/** Only the unit that owns a sample edits, submits or deletes it, and only while it is a draft or rejected. */
function assertOwnEditable(who: Actor, k: SampleKey, verb: string): void {
  if (k.owner_unit_id !== who.unitId) throw forbidden(`只有本单位可以${verb}样本「${k.title}」`);
  if (k.status !== 'draft' && k.status !== 'rejected')
    throw new TeamError(
      'conflict',
      `样本「${k.title}」${k.status === 'approved' ? '已发布' : '正在审核'}，不能${verb}`,
    );
}

/** Edit a draft or rejected sample (metadata and/or files); a rejected one becomes a draft again. */
export async function updateSample(
  c: pg.PoolClient,
  blobs: TeamBlobStore,
  who: Actor,
  input: { id: string; meta?: Partial<Omit<SampleMeta, 'unit'>> | undefined; files?: FileRef[] | undefined },
): Promise<string> {
  const k = await resolve(c, who, input.id, true);
  assertOwnEditable(who, k, '修改');
  const cur = (await hydrate(c, [k.n]))[0]!;
  const meta = parseOrThrow(SampleMetaSchema, { ...cur, ...input.meta, unit: cur.unit }, '样本信息');
  checkDate(meta.publishedAt);
  const files = input.files ? await checkFiles(c, blobs, input.files) : null;
  const key = files ? contentSha(files) : cur.contentSha;
  const clash = await c.query<{ id: string }>(
    'SELECT id FROM samples WHERE owner_unit_id = $1 AND content_sha = $2 AND n <> $3',
    [k.owner_unit_id, key, k.n],
  );
  if (clash.rows[0])
    throw new TeamError('conflict', `本单位已有相同内容的样本 ${clash.rows[0].id.slice(0, 8)}，未修改`);
  await c.query(
    `UPDATE samples SET title = $1, kind = $2, format = $3, width_mm = $4, height_mm = $5, published_at = $6, location = $7,
            channel = $8, fraud_types = $9, tags = $10, slogan = $11, notes = $12, content_sha = $13,
            status = 'draft', updated_at = now()
      WHERE n = $14`,
    [...metaValues(meta), key, k.n],
  );
  if (files) {
    await c.query('DELETE FROM files WHERE sample_n = $1', [k.n]);
    await insertFiles(c, k.n, files);
  }
  await audit(
    c,
    who,
    'sample-update',
    { type: 'sample', id: k.id },
    {
      fields: Object.keys(input.meta ?? {}),
      files: Boolean(files),
      ...(k.status !== 'draft' ? { status: { from: k.status, to: 'draft' } } : {}),
    },
  );
  return k.n;
}

export async function deleteSample(c: pg.PoolClient, who: Actor, ref: string): Promise<void> {
  const k = await resolve(c, who, ref, true);
  assertOwnEditable(who, k, '删除');
  await c.query('DELETE FROM samples WHERE n = $1', [k.n]);
  // Its files stay until the sweep finds no sample naming them (another sample may share them).
  await audit(c, who, 'sample-delete', { type: 'sample', id: k.id }, { title: k.title });
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
