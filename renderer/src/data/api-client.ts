import type { ApiInput, ApiMethod, ApiResult, ApiValue } from '../../../main/core/api.js';

/*
 * The renderer's one door to the main side. Components call these functions, never a transport.
 * Two transports, one contract (DESIGN.md §2–3): Electron's preload exposes `window.studio.call`;
 * in browser mode we POST /api/<method> with the token the page was opened with.
 */

interface StudioBridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
}
declare global {
  interface Window {
    studio?: StudioBridge;
  }
}

const token = new URLSearchParams(location.search).get('token') ?? '';

/** A failed call, with the Chinese message the main side chose for the user. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export async function callResult<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiValue<M>>> {
  if (window.studio) return (await window.studio.call(method, input)) as ApiResult<ApiValue<M>>;
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Studio-Token': token },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: '无法连接工作室服务，请确认它仍在运行后刷新页面。' } };
  }
  try {
    return (await res.json()) as ApiResult<ApiValue<M>>;
  } catch {
    return { ok: false, error: { code: `http-${res.status}`, message: `服务返回了无法识别的应答（HTTP ${res.status}）。` } };
  }
}

/** Calls a method; resolves to its value or throws an ApiCallError. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiValue<M>> {
  const r = await callResult(method, input);
  if (r.ok) return r.value;
  throw new ApiCallError(r.error.message, r.error.code, r.error.details);
}

/** A URL the main side serves (thumbnails, downloads), with the token for <img> and links. */
export function resourceUrl(path: string): string {
  if (window.studio || !token) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

export function downloadUrl(downloadId: string): string {
  return resourceUrl(`/download/${encodeURIComponent(downloadId)}`);
}

export const errorMessage = (e: unknown): string =>
  e instanceof ApiCallError ? [e.message, ...e.details].join('\n') : '出现了意外错误，请重试。';
