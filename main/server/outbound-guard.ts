import net from 'node:net';

/*
 * The studio works offline (DESIGN.md §1): the server process must not open any connection beyond
 * this machine. Every outbound TCP connection in Node — http, https, fetch (undici), tls — goes
 * through net.Socket.prototype.connect, so one check there covers them all. Unix sockets and
 * Windows pipes (a `path`) are local by nature and pass.
 */

export const OUTBOUND_BLOCKED = 'ERR_STUDIO_OUTBOUND_BLOCKED';

/** 127.0.0.0/8, ::1, IPv4-mapped loopback and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

/** Where a connect() call goes: a host, or null for a local pipe. Handles every overload,
 * including the pre-normalised array net.connect() passes. */
function targetOf(args: unknown[]): string | null {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first !== null && typeof first === 'object') {
    const o = first as { path?: unknown; host?: unknown };
    if (typeof o.path === 'string' && o.path) return null;
    return typeof o.host === 'string' && o.host ? o.host : 'localhost';
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // connect(path)
  const host = Array.isArray(args[0]) ? undefined : args[1];
  return typeof host === 'string' && host ? host : 'localhost';
}

let original: Connect | undefined;

/** Refuse every connection to a non-loopback address in this process (or worker). Idempotent. */
export function installOutboundGuard(): void {
  if (original) return;
  const proto = net.Socket.prototype as unknown as { connect: Connect };
  const orig = proto.connect;
  original = orig;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const host = targetOf(args);
    if (host !== null && !isLoopback(host)) {
      const err = Object.assign(new Error(`离线模式：已阻止连接外部地址 ${host}`), { code: OUTBOUND_BLOCKED });
      // Fail like a refused connection would: asynchronously, through the socket's 'error' event.
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return orig.apply(this, args);
  };
}

/** Restore the original connect (tests). */
export function uninstallOutboundGuard(): void {
  if (!original) return;
  (net.Socket.prototype as unknown as { connect: Connect }).connect = original;
  original = undefined;
}
