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
/** Hosts the user configured beyond this machine: the team server (issue #17), nothing else. */
const allowed = new Set<string>();

/** Let connections to this one host through (the team server the user connects to). */
export function allowOutboundHost(host: string): void {
  allowed.add(host.replace(/^\[|\]$/g, '').toLowerCase());
}

const permitted = (host: string) => isLoopback(host) || allowed.has(host.replace(/^\[|\]$/g, '').toLowerCase());

/** Refuse every connection to a non-loopback address (but an allowed host) in this process (or worker). Idempotent. */
export function installOutboundGuard(): void {
  if (original) return;
  const proto = net.Socket.prototype as unknown as { connect: Connect };
  const orig = proto.connect;
  original = orig;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const host = targetOf(args);
    if (host !== null && !permitted(host)) {
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
