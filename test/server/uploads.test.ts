import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startStudioServer, type StudioServer } from '../../main/server/http.js';
import { cleanUploadName, Uploads } from '../../main/server/uploads.js';
import { request } from './http-client.js';

const uploads = new Uploads();
let s: StudioServer | undefined;
afterAll(async () => {
  uploads.close();
  await s?.close();
});

describe('uploads', () => {
  it('keeps only the base name, never a path', () => {
    expect(cleanUploadName('../../etc/passwd')).toBe('passwd');
    expect(cleanUploadName('C:\\Users\\警官\\派出所名单.xlsx')).toBe('派出所名单.xlsx');
    expect(cleanUploadName('..')).toBe('未命名文件');
    expect(cleanUploadName('a\0b:c?.csv')).toBe('a_b_c_.csv');
  });

  it('stores bytes under an id, gives them back, removes them on release', async () => {
    const up = await uploads.fromBytes('../站点.csv', new TextEncoder().encode('单位,标语\n'));
    expect(up).toMatchObject({ name: '站点.csv', bytes: Buffer.byteLength('单位,标语\n') });
    expect(readFileSync(uploads.get(up.uploadId).path, 'utf8')).toBe('单位,标语\n');
    uploads.release(up.uploadId);
    expect(existsSync(up.path)).toBe(false);
    expect(() => uploads.get(up.uploadId)).toThrow(/找不到上传的文件/);
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(uploads.fromStream('大.zip', big, 1000)).rejects.toThrow(/过大/);
  });

  it('POST /upload needs the token and returns an id a method can use', async () => {
    s = await startStudioServer({ jobs: { workerFile: null }, log: () => undefined });
    const body = Buffer.from('单位,标语\n城关派出所,白菜青菜油麦菜、莫给骗子当韭菜\n');
    const headers = { 'x-file-name': encodeURIComponent('名单.csv'), 'content-type': 'application/octet-stream' };
    expect((await request(s.port, '/upload', { method: 'POST', headers, body })).status).toBe(401);
    expect((await request(s.port, `/upload?token=${s.token}`)).status).toBe(405);
    const r = await request(s.port, '/upload', {
      method: 'POST',
      headers: { ...headers, 'x-studio-token': s.token },
      body,
    });
    expect(r.status).toBe(200);
    const v = r.json().value;
    expect(v).toMatchObject({ name: '名单.csv', bytes: body.length });
    expect(readFileSync(s.context.uploads.get(v.uploadId).path)).toEqual(body);
  });
});
