import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStudioContext, type StudioContext } from '../../main/server/context.js';
import type { JobManagerOptions } from '../../main/server/handlers/jobs.js';

/**
 * A studio context for handler tests: exports in-process, a library in a fresh temp folder
 * (never the user's), and whatever gets logged collected. `dispose` removes it all.
 */
export function testContext(
  jobs: JobManagerOptions = {},
): StudioContext & { logged: string[]; libraryDir: string; dispose(): Promise<void> } {
  const logged: string[] = [];
  const libraryDir = mkdtempSync(join(tmpdir(), 'studio-test-library-'));
  const ctx = createStudioContext({ jobs: { workerFile: null, ...jobs }, libraryDir, log: (m) => logged.push(m) });
  return Object.assign(ctx, {
    logged,
    libraryDir,
    async dispose() {
      await ctx.close();
      rmSync(libraryDir, { recursive: true, force: true });
    },
  });
}
