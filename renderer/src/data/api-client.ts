import type { ApiInput, ApiMethod, ApiResult, ApiValue } from '../../../main/core/api.js';
import type { Uploaded } from '../../../main/core/bridge.js';
import { downloadPath } from '../../../main/core/resource-paths.js';
import { transport } from './transport.js';

/*
 * The renderer's one door to the main side: components call these functions, never a transport.
 * One contract (main/core/api.ts), whichever transport the page was given (transport.ts).
 */

export type { Uploaded } from '../../../main/core/bridge.js';

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

/** The value of a result, or its error as an ApiCallError. */
export function unwrap<T>(r: ApiResult<T>): T {
  if (r.ok) return r.value;
  throw new ApiCallError(r.error.message, r.error.code, r.error.details);
}

export function callResult<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiValue<M>>> {
  return transport.call(method, input);
}

/** Calls a method; resolves to its value or throws an ApiCallError. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiValue<M>> {
  return unwrap(await callResult(method, input));
}

/** A URL the main side serves (thumbnails, downloads), usable in <img> and links. */
export const resourceUrl = (path: string): string => transport.url(path);

export const downloadUrl = (downloadId: string): string => resourceUrl(downloadPath(encodeURIComponent(downloadId)));

/** Hands a picked or dropped file to the main side (desktop: the preload; browser mode: POST /upload). */
export async function upload(file: File): Promise<Uploaded> {
  const r = await transport.upload(file);
  if (!r.ok && r.error.code === 'network')
    throw new ApiCallError(`上传「${file.name}」失败：${r.error.message}`, r.error.code);
  return unwrap(r);
}

/**
 * Gives a finished file to the user: in the desktop app a native save dialog (true if saved,
 * false if they cancelled); in browser mode the browser's download of it (always true).
 */
export async function saveDownload(downloadId: string): Promise<boolean> {
  const desktop = transport.desktop;
  if (desktop) return !unwrap(await desktop.saveExportFile({ downloadId })).canceled;
  const a = document.createElement('a');
  a.href = downloadUrl(downloadId);
  a.download = '';
  a.click();
  return true;
}

export const errorMessage = (e: unknown): string =>
  e instanceof ApiCallError ? [e.message, ...e.details].join('\n') : '出现了意外错误，请重试。';
