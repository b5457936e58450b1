import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * Browser mode listens on 127.0.0.1, but any web page the user opens can still send requests
 * there. Three checks keep them out: a Host header naming us (a DNS-rebinding page arrives with
 * its own name), a random token only our printed URL carries, and a CSP that runs no inline or
 * foreign script in our own pages.
 */

export const TOKEN_HEADER = 'x-studio-token';

/** 32 random bytes, hex: what the printed URL carries. */
export const newToken = (): string => randomBytes(32).toString('hex');

/** The Host header must be exactly 127.0.0.1:PORT or localhost:PORT. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A browser sends Origin with cross-site requests: if present it must be our own origin. The
 * token already stops them; this refuses them before any work, and says why.
 */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The token from the header (or `Authorization: Bearer`) or, for links and <img>, the query. */
export function tokenOk(req: IncomingMessage, url: URL, token: string): boolean {
  const auth = req.headers.authorization;
  const given =
    (typeof req.headers[TOKEN_HEADER] === 'string' ? req.headers[TOKEN_HEADER] : undefined) ??
    (auth?.startsWith('Bearer ') ? auth.slice(7) : undefined) ??
    url.searchParams.get('token') ??
    '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  // Constant time, so the token cannot be guessed byte by byte from response times.
  return a.length === b.length && timingSafeEqual(a, b);
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The preview SVG embeds the design's photos as data: URIs; exports download as blobs.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response, including errors. */
export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
