import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from './pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's private PostgreSQL cluster, or null when no team test is in the run. */
    teamPg: { port: number; bin: string; adminUrl: string } | null;
  }
}

/** Whether the run's file filters can match a file under test/team/ (no filters: the whole suite). */
function teamTestsIncluded(project: TestProject): boolean {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  return !filters.length || filters.some((f) => 'test/team/'.includes(f) || f.includes('team'));
}

let cluster: Cluster | undefined;

/** One PostgreSQL cluster per test run, shared by every team test file (each makes its own database). */
export async function setup(project: TestProject): Promise<void> {
  if (!teamTestsIncluded(project)) return void project.provide('teamPg', null);
  cluster = await startCluster();
  project.provide('teamPg', { port: cluster.port, bin: cluster.bin, adminUrl: cluster.url() });
}

export function teardown(): void {
  cluster?.stop();
}
