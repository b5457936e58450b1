import type { IncomingMessage } from 'node:http';
import { JsonShapeScanner, type JsonLimits } from '../core/json-limits.js';
import { StudioError } from '../core/index.js';

export class BodyTooLarge extends Error {}

/**
 * Read a request body, refusing more than `limit` bytes (checked against Content-Length first).
 * With `json` limits, the bytes are scanned as they arrive: a body nested too deep (or with a
 * list too long) is refused at its first offending chunk — never buffered in full, never handed to
 * JSON.parse — with the scanner's StudioError ('too-large').
 */
export function readBody(req: IncomingMessage, limit: number, json?: JsonLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const scanner = json ? new JsonShapeScanner(json, '请求内容') : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err: Error) => {
      reject(err);
      // Stop buffering; drain the rest so the refusal can still be answered.
      req.removeAllListeners('data');
      chunks.length = 0;
      req.resume();
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) return stop(new BodyTooLarge());
      try {
        scanner?.feed(c);
      } catch (err) {
        return stop(err instanceof StudioError ? err : new BodyTooLarge());
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
