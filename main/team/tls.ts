import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { StudioError, systemReason } from '../core/index.js';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, "AB:CD:…": what users compare before they trust the server. */
  fingerprint: string;
  /** Made now (first start without --tls-cert). */
  generated: boolean;
}

export const fingerprintOf = (certPem: string | Buffer): string => new X509Certificate(certPem).fingerprint256;

/** A fingerprint as typed by a user (any case, with or without colons or spaces) in the canonical form; null if it is not one. */
export function normalizeFingerprint(s: string): string | null {
  const hex = s.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    throw new StudioError('invalid-input', `无法读取${what} ${path}：${systemReason(e)}`, [], { cause: e });
  }
}

/**
 * The server's certificate: the files given, or DATA/tls/{cert,key}.pem, made on first start
 * (self-signed EC P-256, valid 10 years, for this host's name, localhost and the listen address).
 * The studio and the CLI pin its fingerprint, so no certificate authority is needed on an intranet.
 */
export async function loadOrCreateCertificate(
  dataDir: string,
  opts: { cert?: string | undefined; key?: string | undefined; listenHost?: string | undefined },
): Promise<ServerCertificate> {
  if (opts.cert || opts.key) {
    if (!opts.cert || !opts.key) throw new StudioError('invalid-input', '--tls-cert 与 --tls-key 需同时给出');
    const cert = await readPem(opts.cert, '证书');
    const key = await readPem(opts.key, '私钥');
    try {
      return { cert, key, fingerprint: fingerprintOf(cert), generated: false };
    } catch (e) {
      throw new StudioError('invalid-input', `${opts.cert} 不是 PEM 格式的证书`, [], { cause: e });
    }
  }
  const dir = join(dataDir, 'tls');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const existing = await fs.readFile(certPath, 'utf8').catch(() => null);
  if (existing)
    return {
      cert: existing,
      key: await readPem(keyPath, '私钥'),
      fingerprint: fingerprintOf(existing),
      generated: false,
    };
  const { generate } = await import('selfsigned');
  const host = hostname();
  const altNames: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 2, value: host },
    { type: 7, ip: '127.0.0.1' },
  ];
  const listen = opts.listenHost;
  if (listen && isIP(listen) && listen !== '0.0.0.0' && listen !== '127.0.0.1') altNames.push({ type: 7, ip: listen });
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: `反诈物料工作室团队服务器 ${host}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.writeFile(keyPath, pems.private, { mode: 0o600 });
  await fs.writeFile(certPath, pems.cert);
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert), generated: true };
}
