import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TeamState } from '../../../main/core/api-team.js';
import { ROLES, STATUSES, type Role, type Status } from '../../../main/core/team-names.js';
import { call } from './api-client.js';

/*
 * The team connection as the page knows it (issue #17 §5): one state shared by the 素材库 tabs,
 * the gallery's shared templates and the connect form, refreshed from the main side after every
 * team call (a session that ended shows as signed out at once).
 */

let state: TeamState | null = null;
const listeners = new Set<() => void>();

export const teamState = (): TeamState | null => state;

export function setTeamState(next: TeamState): void {
  state = next;
  for (const l of [...listeners]) l();
}

export async function refreshTeam(): Promise<TeamState> {
  const next = await call('teamState', {});
  setTeamState(next);
  return next;
}

/** Whether the signed-in user reviews (reviewers and admins). */
export const isReviewer = (s: TeamState | null): boolean => !!s?.me && s.me.role !== 'editor';

export const statusName = (s: Status): string => STATUSES[s];

/** Re-renders its host when the team state changes; loads it once on first use. */
export class TeamController implements ReactiveController {
  private off = (): void => undefined;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  get state(): TeamState | null {
    return state;
  }
  hostConnected(): void {
    const l = () => this.host.requestUpdate();
    listeners.add(l);
    this.off = () => void listeners.delete(l);
    if (!state) void refreshTeam().catch(() => undefined);
  }
  hostDisconnected(): void {
    this.off();
  }
}

export const roleName = (r: Role): string => ROLES[r];
