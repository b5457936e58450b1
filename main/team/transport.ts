import { Agent, request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { StudioError } from '../core/index.js';
import { normalizeFingerprint } from './tls.js';

/** The certificate was not the one the user confirmed: perhaps a different server, perhaps an interception. */
export class FingerprintMismatch extends StudioError {
  constructor(
    readonly origin: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super('invalid-input', `服务器 ${origin} 的证书指纹与已确认的不同，已断开，未发送任何数据`, [
      `已确认：${expected}`,
      `本次：${actual}`,
      '若管理员确实更换了证书，请向其核对新指纹后重新确认；否则可能有人冒充服务器',
    ]);
    this.name = 'FingerprintMismatch';
  }
}

/** The network failed (refused, reset, timed out): the request may or may not have reached the server. */
export class NetworkError extends StudioError {
  constructor(origin: string, cause: Error) {
    super('output-failed', `无法连接团队服务器 ${origin}`, [
      cause.message,
      '请检查网络和服务器地址；离线时可先存入本机素材库，联网后再推送',
    ]);
    this.name = 'NetworkError';
  }
}

/**
 * HTTPS to one server whose certificate is pinned by its SHA-256 fingerprint (self-signed on an
 * intranet, so no certificate authority vouches for it). The TLS handshake completes, the
 * certificate is compared, and only then is the socket handed to HTTP: nothing — no password, no
 * token — is written to a server whose certificate differs.
 */
class PinnedAgent extends Agent {
  constructor(
    private readonly origin: string,
    private readonly fingerprint: string,
  ) {
    super({ keepAlive: true, maxSockets: 8 });
  }

  override createConnection(
    options: ConnectionOptions,
    done?: (err: Error | null, s: Duplex) => void,
  ): Duplex | undefined {
    // rejectUnauthorized is off only to let the handshake finish; the fingerprint is the check.
    const socket: TLSSocket = connect({ ...options, rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      const actual = socket.getPeerX509Certificate()?.fingerprint256 ?? '';
      if (actual === this.fingerprint) return done?.(null, socket);
      socket.destroy();
      done?.(new FingerprintMismatch(this.origin, this.fingerprint, actual), socket);
    });
    socket.once('error', (e) => done?.(e, socket));
    return undefined;
  }
}

/** The fingerprint of whatever answers at this origin (first contact: the user then confirms it). */
export function probeFingerprint(origin: string, timeoutMs = 10_000): Promise<string> {
  const u = new URL(origin);
  return new Promise((done, fail) => {
    const s = connect({
      host: u.hostname,
      port: Number(u.port || 443),
      servername: servername(u.hostname),
      rejectUnauthorized: false,
    });
    s.setTimeout(timeoutMs, () => s.destroy(new Error('连接超时')));
    s.once('secureConnect', () => {
      const fp = s.getPeerX509Certificate()?.fingerprint256;
      s.end();
      if (fp) done(fp);
      else fail(new StudioError('invalid-input', `${origin} 没有出示证书`));
    });
    s.once('error', (e) => fail(new NetworkError(origin, e)));
  });
}

/** SNI takes host names only, never an IP address. */
const servername = (host: string) => (/^[\d.]+$|:/.test(host) ? '' : host);

export interface Response {
  status: number;
  headers: IncomingMessage['headers'];
  body: IncomingMessage;
}

export class Transport {
  readonly origin: string;
  private readonly agent: PinnedAgent;

  constructor(url: string, fingerprint: string) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new StudioError('invalid-input', `服务器地址「${url}」格式不对，应如 https://192.168.1.10:8443`);
    }
    if (u.protocol !== 'https:') throw new StudioError('invalid-input', `服务器地址应以 https:// 开头（收到 ${url}）`);
    const fp = normalizeFingerprint(fingerprint);
    if (!fp)
      throw new StudioError('invalid-input', `证书指纹格式不对：${fingerprint}`, ['应为 64 位十六进制（可带冒号）']);
    this.origin = u.origin;
    this.agent = new PinnedAgent(this.origin, fp);
  }

  /** One request; the body is a buffer or a stream (an upload). Network failures become NetworkError. */
  send(
    method: string,
    path: string,
    headers: Record<string, string | number>,
    body?: Buffer | Readable,
    timeoutMs = 120_000,
  ): Promise<Response> {
    const u = new URL(path, this.origin);
    const opts: RequestOptions = {
      method,
      host: u.hostname,
      port: u.port || 443,
      path: u.pathname + u.search,
      headers,
      agent: this.agent,
      servername: servername(u.hostname),
    };
    return new Promise((done, fail) => {
      const req = request(opts, (res) => done({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
      req.setTimeout(timeoutMs, () => req.destroy(new Error('请求超时')));
      req.on('error', (e) => fail(e instanceof StudioError ? e : new NetworkError(this.origin, e)));
      if (!body || Buffer.isBuffer(body)) req.end(body);
      else body.on('error', (e) => req.destroy(e)).pipe(req);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
