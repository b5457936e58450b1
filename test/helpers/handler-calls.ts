import { expect } from 'vitest';
import { resultSchema, type ApiMethod } from '../../main/core/api.js';
import type { Handlers } from '../../main/server/handlers/index.js';

type Outcome = { ok: true; value: any } | { ok: false; error: { code: string; message: string; details?: string[] } };

/**
 * Calls handlers as a transport would, each answer checked against the contract's envelope:
 * `ok` wants a value, `bad` an error whose message is Chinese.
 */
export function handlerCalls(h: Handlers) {
  async function call<M extends ApiMethod>(m: M, input: unknown): Promise<Outcome> {
    const r = await h[m](input);
    expect(resultSchema(m).safeParse(r).success).toBe(true);
    return r as Outcome;
  }
  async function ok<M extends ApiMethod>(m: M, input: unknown) {
    const r = await call(m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value;
  }
  async function bad<M extends ApiMethod>(m: M, input: unknown) {
    const r = await call(m, input);
    if (r.ok) throw new Error(`${m} accepted ${JSON.stringify(input).slice(0, 80)}`);
    expect(r.error.message).toMatch(/\p{Script=Han}/u);
    return r.error;
  }
  return { call, ok, bad };
}
