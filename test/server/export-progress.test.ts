import { join } from 'node:path';
import type { ExportRequest } from '../../main/core/api.js';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../main/server/jobs/export-task.js';
import { OUT_DIR } from '../helpers/designs.js';
import { filledTemplate } from '../helpers/profile.js';

/*
 * Walkthrough bug 7 (issue #15): the export of a 6 m banner went 排队中 → 0% → 已完成 with nothing
 * between. An export reports steps a user sees move: the layout, then each raster strip or PDF
 * page, as a rising fraction that ends at 1.
 */
describe('export progress', () => {
  for (const format of ['pdf', 'png'] as const) {
    it(`a one-page ${format} of the 6 m banner reports steps between 0 and done`, async () => {
      const seen: number[] = [];
      await runExport(
        // The task renders embedded pictures as well as references (the profile's logo is embedded).
        { design: filledTemplate('banner-red-600x70') as ExportRequest['design'], format },
        join(OUT_DIR, `progress-banner.${format}`),
        async () => Buffer.alloc(0),
        (done, total) => seen.push(done / total),
        () => false,
      );
      expect(seen.at(-1)).toBe(1);
      expect(seen.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(format === 'png' ? 3 : 1);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });
  }
});
