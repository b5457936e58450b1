import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json(): any;
}

/** A raw HTTP request to the studio (node:http, so the test controls the Host header). */
export function request(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POST /api/<method> with the token, returning the result envelope. */
export async function api(port: number, token: string, method: string, input: unknown): Promise<any> {
  const r = await request(port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-studio-token': token },
    body: JSON.stringify(input),
  });
  return r.json();
}

/** Poll jobStatus until the job leaves queued/running. */
export async function waitJob(port: number, token: string, jobId: string, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await api(port, token, 'jobStatus', { jobId });
    if (!r.ok) throw new Error(r.error.message);
    if (r.value.state !== 'queued' && r.value.state !== 'running') return r.value;
    if (Date.now() > until) throw new Error('job did not finish');
    await new Promise((res) => setTimeout(res, 50));
  }
}
