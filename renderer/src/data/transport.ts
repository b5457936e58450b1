import type { ApiInput, ApiMethod, ApiResult, ApiValue } from '../../../main/core/api.js';
import type { StudioBridge, Uploaded } from '../../../main/core/bridge.js';

/*
 * The page's one way to the main side, chosen once when the page loads: the desktop app's preload
 * bridge (main/core/bridge.ts) when there is one, else browser mode's local HTTP with the token the
 * page was opened with. Nothing else in the renderer asks which one it is, except to use the
 * desktop's native dialogs (`desktop`).
 */

declare global {
  interface Window {
    studio?: StudioBridge;
  }
}

export interface Transport {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiValue<M>>>;
  upload(file: File): Promise<ApiResult<Uploaded>>;
  /** A URL for what the main side serves by GET (thumbnails, downloads), for <img> and links. */
  url(path: string): string;
  /** The desktop's bridge (dialogs, menu commands), or undefined in browser mode. */
  desktop: StudioBridge | undefined;
}

const unreachable = { code: 'network', message: '无法连接工作室服务，请确认它仍在运行后刷新页面。' } as const;

/** Desktop: IPC through the preload. Resources are served under the app's own origin. */
function ipcTransport(bridge: StudioBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    upload: async (file) => bridge.upload(file.name, await file.arrayBuffer()),
    url: (path) => path,
    desktop: bridge,
  };
}

/** Browser mode: POST /api/<method> and /upload with the page's token; GET resources carry it in the URL. */
function httpTransport(token: string): Transport {
  const post = async (path: string, body: BodyInit, headers: Record<string, string>): Promise<ApiResult<never>> => {
    let res: Response;
    try {
      res = await fetch(path, { method: 'POST', headers: { ...headers, 'X-Studio-Token': token }, body });
    } catch {
      return { ok: false, error: unreachable };
    }
    try {
      return (await res.json()) as ApiResult<never>;
    } catch {
      return {
        ok: false,
        error: { code: 'network', message: `服务返回了无法识别的应答（HTTP ${res.status}）。` },
      };
    }
  };
  return {
    call: (method, input) => post(`/api/${method}`, JSON.stringify(input), { 'Content-Type': 'application/json' }),
    upload: (file) =>
      post('/upload', file, {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      }),
    url: (path) => (token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : path),
    desktop: undefined,
  };
}

// Outside a page (unit tests in Node) there is neither: HTTP with no token, which no test calls.
const bridge = typeof window === 'undefined' ? undefined : window.studio;
const token = typeof location === 'undefined' ? '' : (new URLSearchParams(location.search).get('token') ?? '');

export const transport: Transport = bridge ? ipcTransport(bridge) : httpTransport(token);
