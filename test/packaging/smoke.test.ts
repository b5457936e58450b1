import asar from '@electron/asar';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASAR } from './packed.js';

/*
 * No Electron here to start the packed app, so the next best thing: lay the archive out (with its
 * unpacked files) in a folder and run the engine and the library from it in Node. A file the
 * `files` patterns dropped by mistake, or a module that resolves outside the package, fails here.
 * better-sqlite3 loads because the offline pack keeps the Node build (npmRebuild: false).
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'packed-app-'));
  asar.extractAll(ASAR, dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPT = `
const root = process.argv[1];
const t = await import(root + '/dist/main/engine/templates.js');
const { designFromTemplate } = await import(root + '/dist/main/core/design/design.js');
const { renderDesigns } = await import(root + '/dist/main/engine/render.js');
const { bundledFaces } = await import(root + '/dist/main/engine/fonts/bundled.js');
const { Library } = await import(root + '/dist/main/library/library.js');
await import(root + '/dist/main/server/handlers/index.js');
const { appRoot } = await import(root + '/dist/main/engine/paths.js');
const templates = t.listTemplates();
const design = designFromTemplate(t.getTemplate('poster-a2-red'));
const pdf = await renderDesigns([design], { out: root + '/out.pdf', allowOverflow: true, allowPlaceholder: true });
const png = await renderDesigns([design], { out: root + '/out.png', dpi: 10, allowOverflow: true, allowPlaceholder: true });
const lib = await Library.open(root + '/library');
lib.close();
console.log(JSON.stringify({ appRoot: appRoot(), templates: templates.length, fonts: bundledFaces().map((f) => f.path), pdf: pdf.pages, png: [png.widthPx, png.heightPx] }));
`;

interface SmokeResult {
  appRoot: string;
  templates: number;
  fonts: string[];
  pdf: number;
  png: [number, number];
}

describe('the packed app tree', () => {
  it('renders a template to PDF and PNG and opens a library, using only what is packed', () => {
    // A fresh process with the packed tree as its only node_modules: no fallback to the repo's.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, dir], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '' },
    });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as SmokeResult;
    expect(r.appRoot).toBe(dir);
    expect(r.templates).toBeGreaterThan(20);
    expect(r.fonts).toHaveLength(8);
    for (const f of r.fonts) expect(f.startsWith(dir)).toBe(true);
    expect(r.pdf).toBe(1);
    expect(r.png[0]).toBeGreaterThan(0);
  });
});
