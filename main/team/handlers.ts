import type { z } from 'zod';
import { addUser, changePassword, listUsers, login, logout, updateUser, type SessionPolicy } from './accounts.js';
import { TEAM_API, type MethodName, type MethodOutput, type TeamApi } from './api.js';
import { listAudit, sampleHistory, type Actor } from './audit.js';
import type { TeamBlobStore } from './blob-store.js';
import { tx, type Pool } from './db.js';
import { forbidden } from './errors.js';
import { review, reviewList, submitSample } from './review.js';
import { getSample, hydrate } from './sample-rows.js';
import { createSample, deleteSample, updateSample } from './samples.js';
import { search, stats } from './search.js';
import {
  getTemplate,
  listProfiles,
  listTemplates,
  publishProfile,
  publishTemplate,
  withdrawTemplate,
} from './shared.js';

export interface CallContext {
  pool: Pool;
  blobs: TeamBlobStore;
  sessions: SessionPolicy;
  /** The signed-in user (absent only for public methods). */
  who: Actor | undefined;
  token: string | undefined;
  ip: string;
}

type Handler<M extends MethodName> = (
  input: z.infer<TeamApi[M]['input']>,
  ctx: CallContext & { who: Actor },
) => Promise<MethodOutput<M>>;

const one = async (ctx: CallContext, n: string) => ({ sample: (await hydrate(ctx.pool, [n]))[0]! });

/** Each method of TEAM_API; the server has checked the input schema and the access level before. */
const HANDLERS: { [M in MethodName]: Handler<M> } = {
  login: (i, ctx) => login(ctx.pool, { user: i.user, password: i.password, ip: ctx.ip }, ctx.sessions),
  logout: async (_i, ctx) => (await logout(ctx.pool, ctx.who, ctx.token!), {}),
  me: async (_i, { who }) => ({ name: who.name, unit: who.unit, role: who.role! }),
  changePassword: async (i, ctx) => (await changePassword(ctx.pool, ctx.who, ctx.token!, i.old, i.new), {}),
  search: (i, ctx) => search(ctx.pool, ctx.who, i),
  stats: (i, ctx) => stats(ctx.pool, ctx.who, i),
  sample: async (i, ctx) => {
    const sample = await getSample(ctx.pool, ctx.who, i.id);
    return { sample, history: await sampleHistory(ctx.pool, sample.id) };
  },
  createSample: async (i, ctx) => {
    const r = await tx(ctx.pool, (c) => createSample(c, ctx.blobs, ctx.who, i));
    return { ...(await one(ctx, r.n)), duplicate: r.duplicate };
  },
  updateSample: async (i, ctx) => one(ctx, await tx(ctx.pool, (c) => updateSample(c, ctx.blobs, ctx.who, i))),
  submitSample: async (i, ctx) => one(ctx, await tx(ctx.pool, (c) => submitSample(c, ctx.who, i.id))),
  approveSample: async (i, ctx) =>
    one(ctx, await tx(ctx.pool, (c) => review(c, ctx.who, i.id, 'approved', i.comment || null))),
  rejectSample: async (i, ctx) => one(ctx, await tx(ctx.pool, (c) => review(c, ctx.who, i.id, 'rejected', i.comment))),
  deleteSample: async (i, ctx) => (await tx(ctx.pool, (c) => deleteSample(c, ctx.who, i.id)), {}),
  reviewList: async (i, ctx) => ({ samples: await reviewList(ctx.pool, ctx.who, i) }),
  templates: async (_i, ctx) => ({ templates: await listTemplates(ctx.pool) }),
  template: (i, ctx) => getTemplate(ctx.pool, i.id),
  publishTemplate: (i, ctx) => publishTemplate(ctx.pool, ctx.who, i.template),
  withdrawTemplate: async (i, ctx) => (await withdrawTemplate(ctx.pool, ctx.who, i.id), {}),
  profiles: async (_i, ctx) => ({ profiles: await listProfiles(ctx.pool) }),
  publishProfile: (i, ctx) => publishProfile(ctx.pool, ctx.who, i.unit, i.profile),
  users: async (_i, ctx) => ({ users: await listUsers(ctx.pool) }),
  addUser: (i, ctx) => addUser(ctx.pool, ctx.who, i),
  updateUser: (i, ctx) => updateUser(ctx.pool, ctx.who, i),
  audit: async (i, ctx) => ({ entries: await listAudit(ctx.pool, i) }),
};

const ACCESS_MESSAGES = {
  reviewer: '权限不足：只有审核员或管理员可以这样做',
  admin: '权限不足：只有管理员可以管理用户、单位、共享模板和单位资料',
} as const;

/** Refuse a caller whose role does not allow the method (before its input is even read). */
export function assertAccess(name: MethodName, who: Actor | undefined): void {
  const access = TEAM_API[name].access;
  const role = who?.role;
  if (access === 'reviewer' && role !== 'reviewer' && role !== 'admin') throw forbidden(ACCESS_MESSAGES.reviewer);
  if (access === 'admin' && role !== 'admin') throw forbidden(ACCESS_MESSAGES.admin);
}

/** Run a method whose caller passed assertAccess and whose input has been parsed. */
export function runMethod<M extends MethodName>(
  name: M,
  input: z.infer<TeamApi[M]['input']>,
  ctx: CallContext,
): Promise<MethodOutput<M>> {
  return (HANDLERS[name] as Handler<M>)(input, ctx as CallContext & { who: Actor });
}
