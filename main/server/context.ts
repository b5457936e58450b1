import { Downloads } from './downloads.js';
import { BatchJobs } from './handlers/batch-jobs.js';
import { JobManager, type JobManagerOptions } from './handlers/jobs.js';
import { consoleLogger, type Logger } from './handlers/result.js';
import { defaultLibraryDir, LibraryHost } from './library-host.js';
import { defaultProfilePath, ProfileStore } from './profile-store.js';
import { Uploads } from './uploads.js';

/** What every handler may use, for either transport: jobs, files in and out, the library. */
export interface StudioContext {
  jobs: JobManager;
  /** Batch production runs (one at a time, in a worker). */
  batch: BatchJobs;
  downloads: Downloads;
  uploads: Uploads;
  library: LibraryHost;
  /** The unit's details (本单位信息) that templates are filled from. */
  profile: ProfileStore;
  log: Logger;
  close(): Promise<void>;
}

export interface StudioContextOptions {
  jobs?: JobManagerOptions;
  /** The sample library's folder; default ~/反诈物料工作室/样本库. */
  libraryDir?: string;
  /** The stored unit profile; default 本单位信息.json beside the library folder. */
  profilePath?: string;
  log?: Logger;
}

export function createStudioContext(opts: StudioContextOptions = {}): StudioContext {
  const log = opts.log ?? consoleLogger;
  const downloads = new Downloads();
  const jobs = new JobManager({ log, ...opts.jobs, downloads });
  const uploads = new Uploads();
  const library = new LibraryHost(opts.libraryDir ?? defaultLibraryDir());
  const profile = new ProfileStore(opts.profilePath ?? defaultProfilePath(library.dir));
  const batch = new BatchJobs({ downloads, library, log });
  return {
    jobs,
    batch,
    downloads,
    uploads,
    library,
    profile,
    log,
    async close() {
      jobs.close();
      batch.close();
      uploads.close();
      await library.close();
    },
  };
}
