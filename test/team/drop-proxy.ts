import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadOrCreateCertificate } from '../../main/team/tls.js';

/**
 * Where a request's connection is cut: before it reaches the server, part-way through its
 * upload, or after the server answered (the answer is lost: the server committed, the client
 * cannot know).
 */
export interface DropRule {
  method: string;
  path: RegExp;
  when: 'before' | 'mid-upload' | 'after';
  /** How many matching requests to cut (then the rule is spent). */
  times: number;
}

export interface DropProxy {
  url: string;
  fingerprint: string;
  drop(rule: DropRule): void;
  /** Requests cut so far, as "METHOD path when". */
  dropped: string[];
  close(): Promise<void>;
}

/**
 * A TLS-terminating proxy in front of the team server that cuts chosen connections, so a test can
 * drop the network at exact points of a push. Clients pin the proxy's own certificate.
 */
export async function startDropProxy(target: string, dir: string): Promise<DropProxy> {
  const tls = await loadOrCreateCertificate(dir, {});
  const up = new URL(target);
  const rules: DropRule[] = [];
  const dropped: string[] = [];
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const rule = rules.find((r) => r.times > 0 && r.method === req.method && r.path.test(req.url ?? ''));
    if (rule) {
      rule.times--;
      dropped.push(`${req.method} ${req.url} ${rule.when}`);
    }
    if (rule?.when === 'before') return void req.socket.destroy();
    const fwd = request(
      {
        host: up.hostname,
        port: up.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        rejectUnauthorized: false,
        agent: false,
      },
      (answer) => {
        if (rule?.when === 'after') {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    fwd.on('error', () => req.socket.destroy());
    if (rule?.when === 'mid-upload') {
      let seen = 0;
      req.on('data', (c: Buffer) => {
        seen += c.length;
        if (seen > 64 * 1024) {
          fwd.destroy();
          req.socket.destroy();
        }
      });
    }
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fingerprint: tls.fingerprint,
    drop: (r) => rules.push({ ...r }),
    dropped,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
