import { dirname } from 'node:path';
import { sweepStaleTempDirs } from '../node/temp-files.js';
import { AssetStore, defaultAssetsDir } from './assets.js';
import { Downloads } from './downloads.js';
import { consoleLogger, type Logger } from './handlers/result.js';
import { JobService, type JobServiceOptions } from './jobs/job-service.js';
import { defaultLibraryDir, LibraryHost } from './library-host.js';
import { defaultProfilePath, ProfileStore } from './profile-store.js';
import { TeamSession } from './team-session.js';
import { Uploads } from './uploads.js';

/** What every handler may use, for either transport: the job service, images, files in and out, the library. */
export interface StudioContext {
  jobs: JobService;
  /** The images of the designs being edited, by SHA-256. */
  assets: AssetStore;
  downloads: Downloads;
  uploads: Uploads;
  library: LibraryHost;
  /** The unit's details (本单位信息) that templates are filled from. */
  profile: ProfileStore;
  /** The connection to the city's team server, if the user made one (issue #17). */
  team: TeamSession;
  log: Logger;
  close(): Promise<void>;
}

export interface StudioContextOptions {
  jobs?: Omit<JobServiceOptions, 'downloads' | 'log'>;
  /** The sample library's folder; default ~/反诈物料工作室/素材库. */
  libraryDir?: string;
  /** The stored unit profile; default 本单位信息.json beside the library folder. */
  profilePath?: string;
  /** Where the images of open designs are kept; default the user's cache folder. */
  assetsDir?: string;
  /** Where the team connection keeps its files; default beside the library folder. */
  teamDir?: string;
  log?: Logger;
}

export function createStudioContext(opts: StudioContextOptions = {}): StudioContext {
  const log = opts.log ?? consoleLogger;
  // What a killed server (or batch run) left in the temp folder: exports, users' uploaded tables.
  sweepStaleTempDirs();
  const downloads = new Downloads();
  const jobs = new JobService({ ...opts.jobs, downloads, log });
  const uploads = new Uploads();
  const library = new LibraryHost(opts.libraryDir ?? defaultLibraryDir());
  const profile = new ProfileStore(opts.profilePath ?? defaultProfilePath(library.dir));
  const assets = new AssetStore(opts.assetsDir ?? defaultAssetsDir());
  // The team connection's files sit beside the library, in the user's data folder (as the CLI's).
  const team = new TeamSession(opts.teamDir ?? dirname(library.dir), library, assets);
  return {
    jobs,
    assets,
    downloads,
    uploads,
    library,
    profile,
    team,
    log,
    async close() {
      team.close();
      await jobs.close();
      uploads.close();
      await library.close();
    },
  };
}
