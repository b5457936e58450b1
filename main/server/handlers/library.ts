import { readFile } from 'node:fs/promises';
import type { ApiParsed, ApiValue } from '../../core/api.js';
import type { LIBRARY_API } from '../../core/api-library.js';
import { formatPath, StudioError, type Sample, type SampleFile } from '../../core/index.js';
import { SAMPLE_FIELD_LABELS } from '../../core/library-search.js';
import { cleanName } from '../../library/bundle-manifest.js';
import type { Library } from '../../library/library.js';
import { duplicateAsDesign, sampleDesign } from '../../library/sample-design.js';
import { search, searchIds } from '../../library/search.js';
import { stats } from '../../library/stats.js';
import type { StudioContext } from '../context.js';
import { bundleJob, importJob } from '../jobs/library-jobs.js';
import { publishJob } from '../jobs/publish-job.js';
import type { Outbox } from '../outbox.js';
import { method, type FieldNames, type Handler } from './result.js';

/*
 * The library methods of the contract (api-library.ts), behind the library screen. Inputs are
 * parsed by the contract's schemas like every method's; a bad field is named in Chinese and by
 * its path (标题（meta.title）：标题不能为空), so the user knows which box to fix.
 */

/** Names of the inputs' fields as the screen shows them. */
const FIELD_NAMES: Record<string, string> = {
  ...SAMPLE_FIELD_LABELS,
  meta: '样本信息',
  id: '样本编号',
  ids: '样本编号',
  uploadIds: '上传的文件',
  uploadId: '上传的文件',
  lastModified: '文件日期',
  text: '搜索词',
  fraudType: '诈骗类型',
  from: '起始日期',
  to: '截止日期',
  sort: '排序',
  limit: '每页数量',
  offset: '起点',
  facets: '分面统计',
  trashed: '回收站',
  query: '搜索条件',
  sha256: '文件摘要',
  jobId: '任务编号',
  fileName: '文件名',
  design: '设计',
};

/** "标题（meta.title）" for a path; the last named segment gives the Chinese name. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const p = formatPath(path);
  const named = [...path].reverse().find((s): s is string => typeof s === 'string' && s in FIELD_NAMES);
  return named ? `${FIELD_NAMES[named]}（${p}）` : p;
}

/** Relabel "path：message" details the library itself produced (its own parse of merged metadata). */
const relabel = (detail: string) =>
  detail.replace(/^([A-Za-z][\w.[\]]*)：/, (whole, p: string) => {
    const last = p
      .split(/[.[\]]/)
      .filter(Boolean)
      .reverse()
      .find((s) => s in FIELD_NAMES);
    return last ? `${FIELD_NAMES[last]}（${p}）：` : whole;
  });

/** Library messages name fields as the screen labels them. */
const FIELDS: FieldNames = { label: fieldLabel, relabel };

function sampleOf(lib: Library, id: string): Sample {
  const s = lib.get(id);
  if (!s) throw new StudioError('invalid-input', '素材库中没有这个样本（可能已被彻底删除），请刷新后再试');
  return s;
}

/** The file a sample is "about": the imported original, else the print PDF, the PNG, the design. */
export function primaryFile(s: Sample): SampleFile | undefined {
  for (const role of ['original', 'pdf', 'png', 'design', 'thumbnail'] as const) {
    const f = s.files.find((x) => x.role === role);
    if (f) return f;
  }
  return undefined;
}

const ROLE_NAMES: Record<string, string> = {
  design: '设计',
  pdf: 'PDF',
  png: 'PNG',
  original: '原件',
  thumbnail: '缩略图',
};

/** What a sample's file is called when saved: its own name, or the title and role for the thumbnail. */
function downloadName(s: Sample, f: SampleFile): string {
  if (f.role === 'thumbnail') return `${cleanName(s.title, 60)}-${ROLE_NAMES.thumbnail}.jpg`;
  return cleanName(f.name || `${s.title}-${ROLE_NAMES[f.role]}`, 120);
}

/** The library methods of the contract (api-library.ts). */
export function libraryHandlers(ctx: StudioContext, outbox: Outbox): Record<keyof typeof LIBRARY_API, Handler> {
  const { jobs, log } = ctx;
  const lib = () => ctx.library.get();
  /** One download id per stored file, so clicking "download" again does not grow the registry. */
  const fileDownloads = new Map<string, string>();
  const m = <M extends keyof typeof LIBRARY_API>(
    name: M,
    impl: (input: ApiParsed<M>) => Promise<ApiValue<M>> | ApiValue<M>,
  ) => method(name, impl, log, FIELDS);

  return {
    publishDesign: m('publishDesign', ({ design, meta, allowPlaceholder }) => ({
      jobId: jobs.start(publishJob(design, meta, ctx.assets, ctx.library, allowPlaceholder)),
    })),

    librarySearch: m('librarySearch', async (q) => {
      const r = search(await lib(), q);
      return {
        total: r.total,
        hits: r.hits.map((h) => ({ sample: h.sample, highlights: h.pieces })),
        facets: r.facets,
      };
    }),
    libraryIds: m('libraryIds', async (q) => ({ ids: searchIds(await lib(), q) })),
    librarySample: m('librarySample', async ({ id }) => sampleOf(await lib(), id)),
    libraryUpdate: m('libraryUpdate', async ({ id, meta }) => {
      const l = await lib();
      sampleOf(l, id);
      return l.update(id, meta);
    }),

    libraryTrash: m('libraryTrash', async ({ ids }) => {
      const l = await lib();
      const stmt = l.db.prepare('UPDATE samples SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL');
      const now = new Date().toISOString();
      return { count: l.db.transaction(() => ids.reduce((n, id) => n + stmt.run(now, id).changes, 0))() };
    }),
    libraryRestore: m('libraryRestore', async ({ ids }) => {
      const l = await lib();
      const stmt = l.db.prepare('UPDATE samples SET trashed_at = NULL WHERE id = ? AND trashed_at IS NOT NULL');
      return { count: l.db.transaction(() => ids.reduce((n, id) => n + stmt.run(id).changes, 0))() };
    }),
    libraryPurge: m('libraryPurge', async ({ ids }) => {
      const l = await lib();
      const samples = [...new Set(ids)].map((id) => l.get(id)).filter((s): s is Sample => s !== null);
      const live = samples.find((s) => !s.trashedAt);
      if (live) throw new StudioError('invalid-input', `样本「${live.title}」不在回收站中，请先移入回收站再彻底删除`);
      for (const s of samples) await l.purge(s.id);
      return { count: samples.length };
    }),

    libraryOpenDesign: m('libraryOpenDesign', async ({ id }) => {
      const l = await lib();
      sampleOf(l, id);
      return ctx.assets.ingest((await sampleDesign(l, id)).design);
    }),
    libraryDuplicate: m('libraryDuplicate', async ({ id }) => {
      const l = await lib();
      sampleOf(l, id);
      return ctx.assets.ingest((await duplicateAsDesign(l, id)).design);
    }),
    libraryFile: m('libraryFile', async ({ id, sha256 }) => {
      const l = await lib();
      const s = sampleOf(l, id);
      const f = s.files.find((x) => x.sha256 === sha256);
      if (!f) throw new StudioError('invalid-input', `样本「${s.title}」没有这个文件，请刷新后再试`);
      const fileName = downloadName(s, f);
      const key = `${sha256}/${fileName}`;
      let downloadId = fileDownloads.get(key);
      if (!downloadId || !ctx.downloads.get(downloadId)) {
        downloadId = ctx.downloads.add(l.blobs.path(sha256), fileName);
        fileDownloads.set(key, downloadId);
      }
      return { downloadId, fileName };
    }),
    libraryLocation: m('libraryLocation', async ({ id }) => {
      const l = await lib();
      if (!id) return { folder: l.dir };
      const f = primaryFile(sampleOf(l, id));
      return { folder: l.dir, file: f && l.blobs.path(f.sha256) };
    }),

    libraryImport: m('libraryImport', ({ uploadIds, meta, lastModified }) => {
      const seen = new Set<string>();
      const picked = uploadIds.flatMap((id, i) =>
        seen.has(id) ? [] : (seen.add(id), [{ up: ctx.uploads.get(id), date: lastModified?.[i] ?? null }]),
      );
      const dates = meta?.publishedAt ? undefined : picked.map((p) => p.date);
      const req = { uploads: picked.map((p) => p.up), meta, lastModified: dates };
      return { jobId: jobs.start(importJob(req, lib, ctx.uploads, log)) };
    }),
    libraryExportBundle: m('libraryExportBundle', ({ ids, query }) => {
      const unique = ids && [...new Set(ids)];
      const pick = (l: Library) => (unique ?? searchIds(l, query!)).map((id) => sampleOf(l, id));
      return { jobId: jobs.start(bundleJob(pick, unique?.length ?? 0, lib)) };
    }),

    libraryStats: m('libraryStats', async () => stats(await lib())),
    libraryStatsImage: m('libraryStatsImage', async ({ uploadId, fileName }) => {
      const up = ctx.uploads.get(uploadId);
      try {
        const sharp = (await import('sharp')).default;
        const meta = await sharp(up.path, { limitInputPixels: 10_000 * 10_000 })
          .metadata()
          .catch(() => undefined);
        if (meta?.format !== 'png' || !meta.width || !meta.height)
          throw new StudioError('bad-image', '统计图不是有效的 PNG 图片，请重新导出');
        return { downloadId: await outbox.put(fileName, await readFile(up.path)), fileName };
      } finally {
        ctx.uploads.release(uploadId);
      }
    }),
  };
}
