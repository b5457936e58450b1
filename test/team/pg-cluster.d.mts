export interface Cluster {
  host: string;
  port: number;
  dir: string;
  /** The folder of initdb, pg_ctl, pg_dump… */
  bin: string;
  /** A connection URL to one database of the cluster (default `postgres`), as the `postgres` role. */
  url(db?: string): string;
  stop(): void;
}
export function pgBinDir(): string;
/** `settings`: more postgresql.conf settings (name → value). */
export function startCluster(settings?: Record<string, string>): Promise<Cluster>;
