import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioServer, type StudioServer } from '../../main/server/http.js';
import {
  allowOutboundHost,
  installOutboundGuard,
  isLoopback,
  OUTBOUND_BLOCKED,
  uninstallOutboundGuard,
} from '../../main/server/outbound-guard.js';
import { api } from './http-client.js';

/** Try a TCP connection; resolve with the error code, or 'connected'. */
function attempt(connect: () => net.Socket): Promise<string> {
  return new Promise((resolve) => {
    const sock = connect();
    sock.setTimeout(3000, () => {
      sock.destroy();
      resolve('timeout');
    });
    sock.once('connect', () => {
      sock.destroy();
      resolve('connected');
    });
    sock.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

let s: StudioServer;
beforeAll(async () => {
  installOutboundGuard();
  s = await startStudioServer({ jobs: { workerFile: null }, log: () => undefined });
});
afterAll(async () => {
  await s.close();
  uninstallOutboundGuard();
});

describe('outbound-socket guard (offline, proven)', () => {
  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect(isLoopback(h)).toBe(true);
    for (const h of [
      '10.0.0.1',
      '192.0.2.1',
      '0.0.0.0',
      '::',
      'example.com',
      'localhost.example.com',
      '::ffff:8.8.8.8',
    ])
      expect(isLoopback(h)).toBe(false);
  });

  it('refuses a connection to a non-loopback address in every call form', async () => {
    expect(await attempt(() => net.connect(80, '192.0.2.1'))).toBe(OUTBOUND_BLOCKED);
    expect(await attempt(() => net.connect({ port: 443, host: 'example.com' }))).toBe(OUTBOUND_BLOCKED);
    expect(await attempt(() => net.createConnection({ port: 53, host: '8.8.8.8' }))).toBe(OUTBOUND_BLOCKED);
    expect(await attempt(() => new net.Socket().connect(80, '10.1.2.3'))).toBe(OUTBOUND_BLOCKED);
  });

  it('refuses fetch and http to the outside world', async () => {
    const err = await fetch('http://192.0.2.1/').then(
      () => null,
      (e: Error & { cause?: { code?: string } }) => e,
    );
    expect(err?.cause?.code).toBe(OUTBOUND_BLOCKED);
    const { get } = await import('node:http');
    const code = await new Promise<string>((resolve) =>
      get('http://203.0.113.5/').on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')),
    );
    expect(code).toBe(OUTBOUND_BLOCKED);
  });

  it('lets the studio talk to itself on loopback', async () => {
    expect(await attempt(() => net.connect(s.port, '127.0.0.1'))).toBe('connected');
    expect(await api(s.port, s.token, 'checkSlogan', { text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼' })).toMatchObject({
      ok: true,
    });
    const r = await fetch(`http://127.0.0.1:${s.port}/api/listFormats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-studio-token': s.token },
      body: '{}',
    });
    expect(r.status).toBe(200);
  });

  it('lets through the one team server the user connected to, nothing else', async () => {
    expect(await attempt(() => net.connect(8443, '198.51.100.7'))).toBe(OUTBOUND_BLOCKED);
    allowOutboundHost('198.51.100.7');
    // Allowed: the connection is attempted (this documentation address answers nobody).
    expect(await attempt(() => net.connect(8443, '198.51.100.7'))).not.toBe(OUTBOUND_BLOCKED);
    expect(await attempt(() => net.connect(8443, '198.51.100.8'))).toBe(OUTBOUND_BLOCKED);
  });
});
