import { StudioError } from '../core/index.js';

/** Why the team server refused a call; each maps to an HTTP status. */
export const REASONS = {
  'invalid-input': 400,
  unauthorized: 401,
  'session-expired': 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  /** A sample names a file the server does not have (upload it, then retry). */
  'missing-file': 409,
  'too-large': 413,
  'unsupported-type': 415,
  'rate-limited': 429,
  'server-error': 500,
} as const;
export type Reason = keyof typeof REASONS;

/** A refusal the user can act on, with the reason a program (the studio, the CLI) can branch on. */
export class TeamError extends StudioError {
  constructor(
    readonly reason: Reason,
    message: string,
    details: readonly string[] = [],
  ) {
    super(
      reason === 'too-large' ? 'too-large' : reason === 'server-error' ? 'output-failed' : 'invalid-input',
      message,
      details,
    );
    this.name = 'TeamError';
  }
  get status(): number {
    return REASONS[this.reason];
  }
}

export const notFound = (what = '样本') => new TeamError('not-found', `找不到该${what}，或你没有查看它的权限`);
export const forbidden = (message: string) => new TeamError('forbidden', message);
