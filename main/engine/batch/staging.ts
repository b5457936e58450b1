import { promises as fs, rmSync } from 'node:fs';
import { privateTempDir } from '../../node/temp-files.js';

/**
 * Outputs bound for a zip (or for the single PDF inside one) are rendered into a private folder
 * under the system's temp folder first, never into the user's output folder, and the folder is
 * removed when the run ends — also on Ctrl-C, through removeBatchStaging().
 */
const active = new Set<string>();

export function makeStagingDir(): string {
  const dir = privateTempDir('batch');
  active.add(dir);
  return dir;
}

export async function removeStagingDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  active.delete(dir);
}

/** Remove every staging folder of this process (for SIGINT/SIGTERM handlers; synchronous). */
export function removeBatchStaging(): void {
  for (const d of active) rmSync(d, { recursive: true, force: true });
  active.clear();
}
