import { randomUUID } from 'node:crypto';
import { promises as fs, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  parseOrThrow,
  SampleMetaPatchSchema,
  SampleMetaSchema,
  StudioError,
  systemReason,
  type FileRole,
  type Sample,
  type SampleMetaInput,
  type SampleMetaPatch,
  type SampleMeta,
  type SampleFile,
} from '../core/index.js';
import { BlobStore, storeError, type BlobFs } from './blobs.js';
import { openDatabase } from './db.js';
import { toSample, type SampleRow } from './rows.js';

export const DB_NAME = 'library.db';

/** A file to attach: its bytes are stored before the sample row commits. */
export interface NewFile {
  role: FileRole;
  data: Buffer;
  mime: string;
  name: string;
}

export type StoredFile = SampleFile;

export interface OpenOptions {
  /** Injected file-system calls for the blob store (tests simulate a full disk). */
  fs?: BlobFs;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The sample library in a folder: library.db (SQLite, WAL) and blobs/ (content-addressed files).
 * One process at a time sweeps: a lock file names the owner; a second process (the app and the
 * CLI together) uses the library but leaves temp and orphan files alone.
 */
export class Library {
  private closed = false;
  private constructor(
    readonly dir: string,
    readonly db: Database,
    readonly blobs: BlobStore,
    private readonly ownsLock: boolean,
  ) {}

  static async open(dir: string, opts: OpenOptions = {}): Promise<Library> {
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (e) {
      throw new StudioError('invalid-input', `无法创建素材库文件夹 ${dir}：${systemReason(e)}`, [], { cause: e });
    }
    const db = await openDatabase(join(dir, DB_NAME));
    const blobs = new BlobStore(dir, opts.fs);
    try {
      await blobs.init();
    } catch (e) {
      db.close();
      throw storeError(e);
    }
    const lib = new Library(dir, db, blobs, takeLock(dir));
    if (lib.ownsLock) await lib.sweep();
    return lib;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    if (this.ownsLock) rmSync(join(this.dir, 'library.lock'), { force: true });
  }

  /** Remove temporary files and blobs no row names (left by a crash between file and row). */
  async sweep(): Promise<{ temp: number; orphans: number }> {
    const temp = await this.blobs.sweepTemp();
    const used = new Set(this.db.prepare('SELECT DISTINCT sha256 FROM files').pluck().all() as string[]);
    let orphans = 0;
    for (const sha of await this.blobs.list()) {
      if (!used.has(sha)) {
        await this.blobs.remove(sha);
        orphans++;
      }
    }
    return { temp, orphans };
  }

  /** Store the files, then commit the row that names them (DESIGN.md §7). */
  async add(
    metaInput: SampleMetaInput,
    files: NewFile[],
    id: string = randomUUID(),
    created?: { createdAt: string; updatedAt: string; trashedAt: string | null },
  ): Promise<Sample> {
    const meta = parseOrThrow(SampleMetaSchema, metaInput, '样本信息');
    const stored: StoredFile[] = [];
    for (const f of files) stored.push({ role: f.role, mime: f.mime, name: f.name, ...(await this.blobs.put(f.data)) });
    this.db.transaction(() => this.insert(meta, stored, id, created))();
    return this.get(id)!;
  }

  /** Insert a sample row and its file rows (files already in the blob store); call inside a transaction. */
  insert(
    meta: SampleMeta,
    stored: StoredFile[],
    id: string,
    created?: { createdAt: string; updatedAt: string; trashedAt: string | null },
  ): void {
    const now = new Date().toISOString();
    {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO samples (id, title, kind, format, width_mm, height_mm, published_at, unit, location, channel, fraud_types, tags, slogan, notes, created_at, updated_at, trashed_at)
           VALUES (@id, @title, @kind, @format, @widthMm, @heightMm, @publishedAt, @unit, @location, @channel, @fraudTypes, @tags, @slogan, @notes, @createdAt, @updatedAt, @trashedAt)`,
        )
        .run({
          ...meta,
          id,
          widthMm: meta.widthMm ?? null,
          heightMm: meta.heightMm ?? null,
          fraudTypes: JSON.stringify([...new Set(meta.fraudTypes)]),
          tags: JSON.stringify([...new Set(meta.tags)]),
          createdAt: created?.createdAt ?? now,
          updatedAt: created?.updatedAt ?? now,
          trashedAt: created?.trashedAt ?? null,
        });
      const ins = this.db.prepare(
        'INSERT INTO files (sample_n, role, sha256, size, mime, name) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const f of stored) ins.run(lastInsertRowid, f.role, f.sha256, f.size, f.mime, f.name);
    }
  }

  get(id: string): Sample | null {
    const r = this.db.prepare('SELECT * FROM samples WHERE id = ?').get(id) as SampleRow | undefined;
    return r ? toSample(this.db, r) : null;
  }

  /** A sample by id or by a unique prefix of at least 4 characters (what the CLI prints). */
  find(idOrPrefix: string): Sample {
    const exact = this.get(idOrPrefix);
    if (exact) return exact;
    const ids =
      idOrPrefix.length >= 4
        ? (this.db
            .prepare("SELECT id FROM samples WHERE id LIKE ? || '%' LIMIT 2")
            .pluck()
            .all(idOrPrefix.toLowerCase()) as string[])
        : [];
    if (ids.length === 1) return this.get(ids[0]!)!;
    throw new StudioError(
      'invalid-input',
      ids.length > 1 ? `编号「${idOrPrefix}」对应多个样本，请写得更长` : `素材库中没有编号为「${idOrPrefix}」的样本`,
    );
  }

  /** The sample whose file of this role has this content, if any (dedupe on import). */
  findByFile(sha256: string, role: FileRole): Sample | null {
    const id = this.db
      .prepare('SELECT s.id FROM files f JOIN samples s ON s.n = f.sample_n WHERE f.sha256 = ? AND f.role = ? LIMIT 1')
      .pluck()
      .get(sha256, role) as string | undefined;
    return id ? this.get(id) : null;
  }

  update(id: string, patchInput: SampleMetaPatch): Sample {
    const cur = this.find(id);
    const patch = parseOrThrow(SampleMetaPatchSchema, patchInput, '样本信息');
    const m = parseOrThrow(SampleMetaSchema, { ...cur, ...patch }, '样本信息');
    this.db
      .prepare(
        `UPDATE samples SET title=@title, kind=@kind, format=@format, width_mm=@widthMm, height_mm=@heightMm, published_at=@publishedAt, unit=@unit,
         location=@location, channel=@channel, fraud_types=@fraudTypes, tags=@tags, slogan=@slogan, notes=@notes, updated_at=@now WHERE id=@id`,
      )
      .run({
        ...m,
        widthMm: m.widthMm ?? null,
        heightMm: m.heightMm ?? null,
        fraudTypes: JSON.stringify(m.fraudTypes),
        tags: JSON.stringify([...new Set(m.tags)]),
        now: new Date().toISOString(),
        id: cur.id,
      });
    return this.get(cur.id)!;
  }

  trash(id: string): Sample {
    const s = this.find(id);
    this.db
      .prepare('UPDATE samples SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL')
      .run(new Date().toISOString(), s.id);
    return this.get(s.id)!;
  }

  restore(id: string): Sample {
    const s = this.find(id);
    this.db.prepare('UPDATE samples SET trashed_at = NULL WHERE id = ?').run(s.id);
    return this.get(s.id)!;
  }

  /** Delete for good: the row first, then every file no other row names. Only trashed samples. */
  async purge(id: string): Promise<void> {
    const s = this.find(id);
    if (!s.trashedAt)
      throw new StudioError('invalid-input', `样本「${s.title}」不在回收站中，请先移入回收站再彻底删除`);
    this.db.prepare('DELETE FROM samples WHERE id = ?').run(s.id);
    const stillUsed = this.db.prepare('SELECT 1 FROM files WHERE sha256 = ? LIMIT 1').pluck();
    for (const f of s.files) if (!stillUsed.get(f.sha256)) await this.blobs.remove(f.sha256);
  }

  /** Read one stored file of a sample. */
  async read(sha256: string): Promise<Buffer> {
    return fs.readFile(this.blobs.path(sha256));
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM samples').pluck().get() as number;
  }
}

function takeLock(dir: string): boolean {
  const lock = join(dir, 'library.lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  const pid = Number(readFileSync(lock, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) return false;
  writeFileSync(lock, String(process.pid));
  return true;
}
