import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStore, fsyncFile } from '../library/blobs.js';
import { MIME, sniff } from '../library/sniff.js';
import { audit, type Actor } from './audit.js';
import { tx, type Pool, type Queryable } from './db.js';
import { TeamError } from './errors.js';

/**
 * The team server's files: DATA/blobs/ab/<sha256>, one file per content (the local library's
 * layout and code). The database has one `blobs` row per file on disk, inserted after the file is
 * fsynced and renamed into place; samples name blobs through `files` rows (a foreign key).
 *
 * Every change to one blob (an upload, a sweep) holds a transaction lock on its hash, so a sweep
 * can never remove a file that an upload of the same content is committing at that moment.
 */
export class TeamBlobStore {
  readonly store: BlobStore;
  constructor(
    readonly dir: string,
    private readonly pool: Pool,
  ) {
    this.store = new BlobStore(dir);
  }

  init(): Promise<void> {
    return this.store.init();
  }

  path(sha: string): string {
    return this.store.path(sha);
  }

  /** Whether the content is stored (row and file). */
  async has(sha: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha]);
    return r.rowCount === 1 && (await this.store.has(sha));
  }

  /**
   * Stream an upload to tmp/ while hashing it; keep it only when its hash is the one the client
   * named and its content is a type we store. A dropped connection leaves nothing behind.
   */
  async receive(
    body: Readable,
    claimed: string,
    maxBytes: number,
    who: Actor,
  ): Promise<{ size: number; mime: string }> {
    const tmp = this.store.tempPath('upload');
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes)
          return done(new TeamError('too-large', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，未保存`));
        hash.update(chunk);
        if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tmp, { flags: 'wx' }));
      if (size === 0) throw new TeamError('invalid-input', '上传的文件是空的');
      const sha = hash.digest('hex');
      if (sha !== claimed)
        throw new TeamError('invalid-input', '收到的内容与文件摘要不符（传输中损坏？），未保存', ['请重新上传']);
      const mime = blobMime(head);
      await fsyncFile(tmp);
      await tx(this.pool, async (c) => {
        await lockBlob(c, sha);
        await this.store.moveIn(tmp, sha);
        const r = await c.query(
          `INSERT INTO blobs (sha256, size, mime, uploaded_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (sha256) DO UPDATE SET uploaded_at = now() RETURNING (xmax = 0) AS inserted`,
          [sha, size, mime, who.userId],
        );
        if ((r.rows[0] as { inserted: boolean }).inserted)
          await audit(c, who, 'file-upload', { type: 'file', id: sha }, { size, mime });
      });
      return { size, mime };
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
  }

  /** A stored file's bytes as a stream (the caller checked that the user may see a sample naming it). */
  open(sha: string): Readable {
    return createReadStream(this.path(sha));
  }

  async read(sha: string): Promise<Buffer> {
    return fs.readFile(this.path(sha));
  }

  /**
   * Remove what a crash or an abandoned push left: temp files older than an hour, blobs no sample
   * names that were uploaded more than a day ago (a push may upload now and name them later), and
   * files on disk without a row. Several app servers may share DATA: ages keep them out of each
   * other's way, and the per-blob lock keeps a sweep off an upload in progress.
   */
  async sweep(ages = { tempMs: 3600_000, orphanMs: 24 * 3600_000 }): Promise<{ temp: number; orphans: number }> {
    const now = Date.now();
    let temp = 0;
    for (const n of await fs.readdir(this.store.tmp).catch(() => [] as string[])) {
      const p = join(this.store.tmp, n);
      const st = await fs.stat(p).catch(() => null);
      if (st && now - st.mtimeMs > ages.tempMs) {
        await fs.rm(p, { recursive: true, force: true });
        temp++;
      }
    }
    let orphans = 0;
    const old = await this.pool.query<{ sha256: string }>(
      `SELECT sha256 FROM blobs b WHERE uploaded_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = b.sha256)`,
      [ages.orphanMs / 1000],
    );
    for (const { sha256 } of old.rows) {
      await tx(this.pool, async (c) => {
        await lockBlob(c, sha256);
        const d = await c.query(
          `DELETE FROM blobs b WHERE sha256 = $1 AND uploaded_at < now() - make_interval(secs => $2)
             AND NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = b.sha256)`,
          [sha256, ages.orphanMs / 1000],
        );
        if (d.rowCount) {
          await this.store.remove(sha256);
          orphans++;
        }
      });
    }
    const known = new Set(
      (await this.pool.query<{ sha256: string }>('SELECT sha256 FROM blobs')).rows.map((r) => r.sha256),
    );
    for (const sha of await this.store.list()) {
      if (known.has(sha)) continue;
      await tx(this.pool, async (c) => {
        await lockBlob(c, sha);
        const row = await c.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha]);
        const st = await fs.stat(this.path(sha)).catch(() => null);
        if (!row.rowCount && st && now - st.mtimeMs > ages.tempMs) {
          await this.store.remove(sha);
          orphans++;
        }
      });
    }
    return { temp, orphans };
  }
}

/** A transaction lock on one content hash (released at commit or rollback). */
function lockBlob(c: Queryable, sha: string): Promise<unknown> {
  return c.query("SELECT pg_advisory_xact_lock(('x' || substr($1, 1, 15))::bit(60)::bigint)", [sha]);
}

/** What a file is, by its first bytes: the images and PDFs the local library takes, or a design (JSON). */
export function blobMime(head: Buffer): string {
  const t = sniff(head);
  if (t && t !== 'svg') return MIME[t];
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{')) return 'application/json';
  throw new TeamError('unsupported-type', '不支持的文件类型（按内容判断）', [
    '团队库接受设计文件（JSON）、JPEG、PNG、WebP、TIFF 和 PDF；SVG 请先导出为 PNG 或 PDF',
  ]);
}
