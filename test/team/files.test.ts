import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamApiError, type TeamClient } from '../../main/team/client.js';
import { rawRequest, team, tokenOf, uniquePng, type Team } from './helpers.js';

const DESIGN = readFileSync(resolve(import.meta.dirname, '../../templates/designs/poster-a3-blue.json'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: Team;
let zhang: TeamClient;
beforeAll(async () => {
  t = await team('files');
  zhang = await t.as('zhang');
});
afterAll(async () => t?.close());

const create = (files: { role: string; sha256: string; name: string }[]) =>
  zhang.call('createSample', {
    meta: { title: '文件测试', publishedAt: '2024-05-01' },
    files: files as never,
    submit: false,
  });

describe('files on the team server', () => {
  it('stores each content once, by its hash, with the type read from its bytes', async () => {
    const png = await uniquePng();
    const a = await zhang.uploadBlob(png);
    expect(await zhang.uploadBlob(png)).toBe(a);
    expect(readFileSync(join(t.dataDir, 'blobs', a.slice(0, 2), a))).toEqual(png);
    const row = await t.pool.query('SELECT size::int, mime FROM blobs WHERE sha256 = $1', [a]);
    expect(row.rows[0]).toEqual({ size: png.length, mime: 'image/png' });
    // A design is a file too; it must be a valid design to fill the design role.
    const d = await zhang.uploadBlob(DESIGN);
    const r = await create([
      { role: 'design', sha256: d, name: 'poster.json' },
      { role: 'thumbnail', sha256: a, name: 'thumbnail.png' },
    ]);
    expect(r.sample.files.map((f) => [f.role, f.mime])).toEqual([
      ['design', 'application/json'],
      ['thumbnail', 'image/png'],
    ]);
    expect(r.sample.contentSha).toBe(d);
  });

  it('refuses content that lies about its hash, SVG, unknown types, and a file in the wrong role', async () => {
    const put = async (body: Buffer, claimed: string) => {
      const r = await rawRequest(t.server.url, 'PUT', `/api/blobs/${claimed}`, tokenOf(zhang), body);
      return { status: r.status, body: JSON.parse(r.body) as { error: { code: string; message: string } } };
    };
    const png = await uniquePng();
    const lie = await put(png, sha(Buffer.from('something else')));
    expect(lie.status).toBe(400);
    expect(lie.body.error.message).toContain('摘要不符');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x/a.png"/></svg>');
    expect((await put(svg, sha(svg))).body.error.code).toBe('unsupported-type');
    const exe = Buffer.from('MZ\x90\x00 not a picture');
    expect((await put(exe, sha(exe))).status).toBe(415);
    expect(
      (await t.pool.query('SELECT 1 FROM blobs WHERE sha256 = ANY($1)', [[sha(png), sha(svg), sha(exe)]])).rowCount,
    ).toBe(0);
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
    const pngSha = await zhang.uploadBlob(png);
    await expect(create([{ role: 'pdf', sha256: pngSha, name: 'x.pdf' }])).rejects.toMatchObject({
      reason: 'invalid-input',
    });
    const notDesign = Buffer.from('{"schema":"something-else"}');
    const nd = await zhang.uploadBlob(notDesign);
    await expect(create([{ role: 'design', sha256: nd, name: 'x.json' }])).rejects.toThrow(/设计文件 x.json/);
    const missing = await create([
      { role: 'original', sha256: sha(Buffer.from('never uploaded')), name: 'y.png' },
    ]).catch((e: unknown) => e);
    expect(missing).toMatchObject({ reason: 'missing-file', status: 409 });
    expect(missing).toBeInstanceOf(TeamApiError);
  });

  it('sweeps files no sample names once they are old, never one a sample names', async () => {
    const kept = await uniquePng();
    const keptSha = await zhang.uploadBlob(kept);
    await create([{ role: 'original', sha256: keptSha, name: 'kept.png' }]);
    const orphan = await uniquePng();
    const orphanSha = await zhang.uploadBlob(orphan);
    const young = await uniquePng();
    const youngSha = await zhang.uploadBlob(young);
    await t.pool.query("UPDATE blobs SET uploaded_at = now() - interval '2 days' WHERE sha256 = ANY($1)", [
      [keptSha, orphanSha],
    ]);
    // A file on disk without a row (a crash between the rename and the insert), old enough to go.
    const stray = Buffer.from('%PDF-1.4 stray');
    const strayPath = join(t.dataDir, 'blobs', sha(stray).slice(0, 2), sha(stray));
    mkdirSync(join(t.dataDir, 'blobs', sha(stray).slice(0, 2)), { recursive: true });
    writeFileSync(strayPath, stray);
    utimesSync(strayPath, new Date(Date.now() - 7200_000), new Date(Date.now() - 7200_000));
    const { TeamBlobStore } = await import('../../main/team/blob-store.js');
    const r = await new TeamBlobStore(t.dataDir, t.pool).sweep();
    expect(r.orphans).toBe(2);
    const left = (await t.pool.query<{ sha256: string }>('SELECT sha256 FROM blobs')).rows.map((x) => x.sha256);
    expect(left).toContain(keptSha);
    expect(left).toContain(youngSha);
    expect(left).not.toContain(orphanSha);
    const onDisk = readdirSync(join(t.dataDir, 'blobs')).flatMap((d) => readdirSync(join(t.dataDir, 'blobs', d)));
    expect(onDisk).toContain(keptSha);
    expect(onDisk).not.toContain(orphanSha);
    expect(onDisk).not.toContain(sha(stray));
  });
});
