/* The states of a job (api-jobs.ts). No imports: the page's poller reads them. */

export const JOB_STATES = ['queued', 'running', 'done', 'error', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Done, failed or cancelled: the job will not change again. */
export const isFinished = (s: { state: JobState }): boolean =>
  s.state === 'done' || s.state === 'error' || s.state === 'cancelled';
