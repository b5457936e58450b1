import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { Library } from './library.js';

export interface CheckReport {
  ok: boolean;
  problems: string[];
  samples: number;
  files: number;
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * The integrity check: SQLite's own, foreign keys, the full-text index, and every file a row
 * names — present, of the recorded size and (unless quick) of the recorded hash.
 */
export async function checkLibrary(lib: Library, opts: { quick?: boolean } = {}): Promise<CheckReport> {
  const db = lib.db;
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  // SQLite's own findings are English and technical: counted here, never quoted.
  const broken = integrity.filter((r) => r.integrity_check !== 'ok').length;
  if (broken) problems.push(`数据库损坏（${broken} 处）：请从备份恢复素材库（library restore）`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`数据库中有 ${fk.length} 条记录指向不存在的样本`);
  try {
    db.prepare("INSERT INTO samples_fts (samples_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch {
    problems.push('全文索引与数据不一致：请从备份恢复素材库（library restore）');
  }
  const ftsCount = db.prepare('SELECT count(*) FROM samples_fts').pluck().get() as number;
  const samples = lib.count();
  if (ftsCount !== samples) problems.push(`全文索引有 ${ftsCount} 条，样本有 ${samples} 条`);
  const rows = db
    .prepare('SELECT DISTINCT f.sha256, f.size, s.id, s.title FROM files f JOIN samples s ON s.n = f.sample_n')
    .all() as { sha256: string; size: number; id: string; title: string }[];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.sha256)) continue;
    seen.add(r.sha256);
    const p = lib.blobs.path(r.sha256);
    const st = await fs.stat(p).catch(() => null);
    if (!st) problems.push(`样本「${r.title}」(${r.id}) 缺少文件 ${r.sha256}`);
    else if (st.size !== r.size)
      problems.push(`样本「${r.title}」(${r.id}) 的文件 ${r.sha256} 大小不符（${st.size}，应为 ${r.size}）`);
    else if (!opts.quick && (await sha256File(p)) !== r.sha256)
      problems.push(`样本「${r.title}」(${r.id}) 的文件 ${r.sha256} 内容已损坏（摘要不符）`);
  }
  const noThumb = db
    .prepare(
      "SELECT id, title FROM samples s WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.sample_n = s.n AND f.role = 'thumbnail')",
    )
    .all() as { id: string; title: string }[];
  for (const r of noThumb) problems.push(`样本「${r.title}」(${r.id}) 没有缩略图`);
  return { ok: problems.length === 0, problems, samples, files: seen.size };
}
