import type { ApiInput, ApiMethod, ApiResult, ApiValue } from '../../../main/core/api.js';

/*
 * The renderer's one door to the main side. Components call these functions, never a transport.
 * Two transports, one contract (DESIGN.md §2–3): Electron's preload exposes `window.studio.call`;
 * in browser mode we POST /api/<method> with the token the page was opened with.
 */

/** What the desktop preload's dialogs answer (main/app/dialogs.ts DialogValue; the renderer may not import main/app). */
export type DialogValue = { canceled: true } | { canceled: false; filePath: string; text?: string };

export type MenuCommand = 'new' | 'open' | 'save' | 'save-as' | 'export' | 'undo' | 'redo';
/** Menu commands and files to open, as main/app/channels.ts StudioCommand sends them (a test checks they agree). */
export type StudioCommand = { command: MenuCommand } | { command: 'open-file'; filePath: string; text: string };

/** window.studio in the desktop app: main/app/preload.ts StudioBridge, seen from the page. */
export interface StudioBridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  openDesignFile(): Promise<ApiResult<DialogValue>>;
  saveDesignFile(input: { text: string; filePath?: string; suggestedName?: string }): Promise<ApiResult<DialogValue>>;
  saveExportFile(input: { downloadId: string }): Promise<ApiResult<DialogValue>>;
  upload(name: string, data: ArrayBuffer): Promise<ApiResult<Uploaded>>;
  onCommand(listener: (command: StudioCommand) => void): () => void;
}

/** A file handed to the main side; methods that read files take its uploadId. */
export interface Uploaded {
  uploadId: string;
  name: string;
  bytes: number;
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
    return {
      ok: false,
      error: { code: `http-${res.status}`, message: `服务返回了无法识别的应答（HTTP ${res.status}）。` },
    };
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

/** Hands a picked or dropped file to the main side (desktop: the preload; browser mode: POST /upload). */
export async function upload(file: File): Promise<Uploaded> {
  let r: ApiResult<Uploaded>;
  if (window.studio) {
    r = await window.studio.upload(file.name, await file.arrayBuffer());
  } else {
    let res: Response;
    try {
      res = await fetch('/upload', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-Studio-Token': token,
          'X-File-Name': encodeURIComponent(file.name),
        },
        body: file,
      });
    } catch {
      throw new ApiCallError('无法连接工作室服务，请确认它仍在运行后刷新页面。', 'network');
    }
    try {
      r = (await res.json()) as ApiResult<Uploaded>;
    } catch {
      throw new ApiCallError(`上传「${file.name}」失败（HTTP ${res.status}）。`, `http-${res.status}`);
    }
  }
  if (!r.ok) throw new ApiCallError(r.error.message, r.error.code, r.error.details);
  return r.value;
}

/**
 * Gives a finished file to the user: in the desktop app a native save dialog (true if saved,
 * false if they cancelled); in browser mode the browser's download of it (always true).
 */
export async function saveDownload(downloadId: string): Promise<boolean> {
  if (window.studio) {
    const r = await window.studio.saveExportFile({ downloadId });
    if (!r.ok) throw new ApiCallError(r.error.message, r.error.code, r.error.details);
    return !r.value.canceled;
  }
  const a = document.createElement('a');
  a.href = downloadUrl(downloadId);
  a.download = '';
  a.click();
  return true;
}

export const errorMessage = (e: unknown): string =>
  e instanceof ApiCallError ? [e.message, ...e.details].join('\n') : '出现了意外错误，请重试。';
