import type { ApiMethod } from '../../core/api.js';
import { designFromTemplate } from '../../core/index.js';
import { fillProfile } from '../../engine/fill-profile.js';
import type { StudioContext } from '../context.js';
import { method, type Handler } from './result.js';

/*
 * The team library in the studio (api-team.ts): every input parsed by the contract's schema, then
 * handed to the one TeamSession of the context, which holds the connection.
 */
export function teamHandlers(ctx: StudioContext): Record<Extract<ApiMethod, `team${string}`>, Handler> {
  const { team, log } = ctx;
  return {
    teamState: method('teamState', () => team.state(), log),
    teamProbe: method('teamProbe', ({ url }) => team.probe(url), log),
    teamConnect: method('teamConnect', (req) => team.connect(req), log),
    teamDisconnect: method('teamDisconnect', () => team.disconnect(), log),
    teamSettings: method('teamSettings', ({ markUnapproved }) => team.setMark(markUnapproved), log),
    teamSearch: method('teamSearch', (q) => team.search(q), log),
    teamSample: method('teamSample', ({ id }) => team.sample(id), log),
    teamSubmit: method('teamSubmit', (req) => team.submit(req), log),
    teamOutbox: method('teamOutbox', () => team.outboxEntries(), log),
    teamPush: method('teamPush', ({ localId }) => team.push(localId), log),
    teamReviewList: method('teamReviewList', ({ status }) => team.reviewList(status), log),
    teamApprove: method('teamApprove', ({ id, comment }) => team.approve(id, comment), log),
    teamReject: method('teamReject', ({ id, comment }) => team.reject(id, comment), log),
    teamPull: method('teamPull', ({ text }) => team.pull(text), log),
    teamTemplates: method('teamTemplates', () => team.templates(), log),
    // As a bundled template opens: the unit's own details already in, its images kept here.
    teamOpenTemplate: method(
      'teamOpenTemplate',
      async ({ id }) =>
        ctx.assets.ingest(fillProfile(designFromTemplate(await team.template(id)), await ctx.profile.current()).design),
      log,
    ),
  };
}
