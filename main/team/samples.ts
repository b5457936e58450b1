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
import type { FileRef, Status } from './api.js';
import { audit, type Actor } from './audit.js';
import type { TeamBlobStore } from './blob-store.js';
import type { Queryable } from './db.js';
import { forbidden, TeamError } from './errors.js';
import { assertOwnEditable, setStatus } from './review.js';
import { hydrate, resolve, type SampleKey } from './sample-rows.js';

/* Writing samples: a new one from uploaded files (once per content), edits, deletion. */

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
