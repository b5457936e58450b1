import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioServer, type StudioServer } from '../../main/server/http.js';
import { api, request } from './http-client.js';

/*
 * Fault-injection finding (issue #11): a 20 MB body of ten million nested arrays froze browser
 * mode for 4–15 s and cost ~600 MB per request before it was refused. Its shape is now checked
 * as the bytes arrive, so it is refused at its first chunk and other calls are answered meanwhile.
 */

let s: StudioServer;
beforeAll(async () => {
  s = await startStudioServer({ jobs: { workerFile: null }, log: () => undefined });
});
afterAll(() => s.close());

const post = (method: string, body: Buffer | string) =>
  request(s.port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-studio-token': s.token },
    body,
  });

/** A body of `depth` nested arrays inside a design field. */
function nested(depth: number): Buffer {
  const body = Buffer.alloc(2 * depth + 11);
  body.write('{"design":');
  body.fill('[', 10, 10 + depth);
  body.fill(']', 10 + depth, 10 + 2 * depth);
  body.write('}', 2 * depth + 10);
  return body;
}

describe('hostile request bodies', () => {
  it('refuses bodies of millions of nested arrays at once, answering other calls meanwhile', async () => {
    const t0 = performance.now();
    // The finding itself (20 MB, 10⁷ deep) is now over the body cap; one just under it (8 MB,
    // 4·10⁶ deep) reaches the shape scanner, which refuses it at its first chunk.
    const hostile = Promise.all([post('previewSvg', nested(10_000_000)), post('previewSvg', nested(4_000_000))]).then(
      (r) => ({ r, ms: performance.now() - t0 }),
    );
    // Meanwhile, a small call from the studio's page.
    const small = api(s.port, s.token, 'checkSlogan', { text: '白菜青菜油麦菜、莫给骗子当韭菜' }).then((r) => ({
      r,
      ms: performance.now() - t0,
    }));
    const [h, sm] = await Promise.all([hostile, small]);
    console.log(
      `[hostile] 20 MB and 8 MB bodies nested 10⁷ and 4·10⁶ deep refused in ${h.ms.toFixed(0)} ms; a slogan check meanwhile answered in ${sm.ms.toFixed(0)} ms`,
    );
    for (const r of h.r) expect(r.status).toBe(413);
    expect(h.r[0]!.json().error).toMatchObject({ code: 'too-large' });
    expect(h.r[1]!.json().error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/嵌套层数过多/) });
    expect(sm.r).toMatchObject({ ok: true, value: { rhyme: 'same-character' } });
    // Before: 4–15 s each. A generous bound for a busy 2-core machine, far below that.
    expect(h.ms).toBeLessThan(2000);
    expect(sm.ms).toBeLessThan(2000);
  });

  it('refuses a list of a million items', async () => {
    const r = await post('checkSlogan', `{"text":[${'0,'.repeat(30_000)}0]}`);
    expect(r.status).toBe(200);
    expect(r.json().ok).toBe(false);
    const big = await post('previewSvg', `{"design":[${'0,'.repeat(1_000_000)}0]}`);
    expect(big.status).toBe(413);
    expect(big.json().error.message).toMatch(/项目过多（超过 100000 项）/);
  });

  it('opens a design file with the same limits (openDesign), naming it, never quoting V8', async () => {
    const open = async (name: string, text: string) => {
      const up = await request(s.port, '/upload', {
        method: 'POST',
        headers: { 'x-studio-token': s.token, 'x-file-name': encodeURIComponent(name) },
        body: text,
      });
      return api(s.port, s.token, 'openDesign', { uploadId: up.json().value.uploadId });
    };
    const deep = await open('深.csdesign', '['.repeat(100_000) + ']'.repeat(100_000));
    expect(deep).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(deep.error.message).toMatch(/^设计文件「深.csdesign」嵌套层数过多（超过 64 层）/);
    const bad = await open('坏.csdesign', '{"schema": "campaign-studio/design",');
    expect(bad.error.message).toMatch(/^设计文件「坏.csdesign」不是有效的 JSON/);
    expect(JSON.stringify(bad)).not.toMatch(/Unexpected|JSON input|position/);
  });
});
