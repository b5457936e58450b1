import type { Database } from 'better-sqlite3';
import type { FileRole, Sample, SampleFile, SampleKind } from '../core/index.js';

export interface SampleRow {
  n: number;
  id: string;
  title: string;
  kind: string;
  format: string;
  width_mm: number | null;
  height_mm: number | null;
  published_at: string;
  unit: string;
  location: string;
  channel: string;
  fraud_types: string;
  tags: string;
  slogan: string;
  notes: string;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

interface FileRow {
  role: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
}

export function filesOf(db: Database, n: number): SampleFile[] {
  const rows = db
    .prepare('SELECT role, sha256, size, mime, name FROM files WHERE sample_n = ? ORDER BY role')
    .all(n) as FileRow[];
  return rows.map((r) => ({ role: r.role as FileRole, sha256: r.sha256, size: r.size, mime: r.mime, name: r.name }));
}

export function toSample(db: Database, r: SampleRow): Sample {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as SampleKind,
    format: r.format,
    ...(r.width_mm !== null ? { widthMm: r.width_mm } : {}),
    ...(r.height_mm !== null ? { heightMm: r.height_mm } : {}),
    publishedAt: r.published_at,
    unit: r.unit,
    location: r.location,
    channel: r.channel,
    fraudTypes: JSON.parse(r.fraud_types) as Sample['fraudTypes'],
    tags: JSON.parse(r.tags) as string[],
    slogan: r.slogan,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    trashedAt: r.trashed_at,
    files: filesOf(db, r.n),
  };
}
