import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExportRequest } from '../../core/api.js';
import type { AssetStore } from '../assets.js';
import { exportFileName } from './export-task.js';
import type { JobSpec } from './job-service.js';

/** One export: rendered on the pool into the job's folder, offered for download when done. */
export function exportJob(req: ExportRequest, assets: AssetStore): JobSpec<'export'> {
  return {
    kind: 'export',
    initial: {},
    failure: '导出时出现意外错误，请重试；如果问题持续，请换一种格式或降低分辨率',
    async run(ctx) {
      const out = join(ctx.dir(), exportFileName(req.design, req.format));
      const r = await ctx.task(
        { kind: 'export', req, out, assetDir: assets.dir },
        { onProgress: (done, total) => ctx.progress(total > 0 ? done / total : 0) },
      );
      const { size } = await fs.stat(r.path);
      return { downloadId: ctx.offer(r.path), fileName: basename(r.path), bytes: size, notes: r.notes };
    },
  };
}
