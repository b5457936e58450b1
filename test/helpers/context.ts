import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStudioContext, type StudioContext, type StudioContextOptions } from '../../main/server/context.js';

/**
 * A studio context for handler tests: jobs on this thread unless a worker file is given, a
 * library, a unit profile and an image store in fresh temp folders (never the user's), and
 * whatever gets logged collected. `dispose` removes it all.
 */
export function testContext(
  jobs: StudioContextOptions['jobs'] = {},
): StudioContext & { logged: string[]; libraryDir: string; dispose(): Promise<void> } {
  const logged: string[] = [];
  const libraryDir = mkdtempSync(join(tmpdir(), 'studio-test-library-'));
  // The unit profile in a folder of its own too (never the user's, never shared between tests).
  const dataDir = mkdtempSync(join(tmpdir(), 'studio-test-data-'));
  const assetsDir = mkdtempSync(join(tmpdir(), 'studio-test-images-'));
  const ctx = createStudioContext({
    jobs: { workerFile: null, ...jobs },
    libraryDir,
    profilePath: join(dataDir, '本单位信息.json'),
    assetsDir,
    // The team connection's files (known servers, outbox, settings) there too, not beside the temp library.
    teamDir: dataDir,
    log: (m) => logged.push(m),
  });
  return Object.assign(ctx, {
    logged,
    libraryDir,
    async dispose() {
      await ctx.close();
      rmSync(libraryDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(assetsDir, { recursive: true, force: true });
    },
  });
}
