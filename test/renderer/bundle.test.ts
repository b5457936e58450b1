import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/*
 * The page's bundle as `npm run build:renderer` makes it (#12 §5): no zod in it (the renderer
 * imports zod-free core modules and types only), and at most 300 KB minified.
 */
const ROOT = resolve(import.meta.dirname, '../..');

describe('the renderer bundle', () => {
  it('holds no zod and stays under 300 KB minified', async () => {
    const r = await build({
      entryPoints: [resolve(ROOT, 'renderer/src/app.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'chrome120',
      tsconfig: resolve(ROOT, 'renderer/tsconfig.json'),
      write: false,
      metafile: true,
      outfile: 'app.js',
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((i) => i.includes('node_modules/zod/'))).toEqual([]);
    // Only zod-free core modules reach the page: no schema file of the contract.
    expect(inputs.filter((i) => /main\/core\/(api[\w-]*|index)\.ts$/.test(i))).toEqual([]);
    const bytes = r.outputFiles.find((f) => f.path.endsWith('.js'))!.contents.length;
    console.log(`[renderer] bundle ${(bytes / 1024).toFixed(1)} KB minified, ${inputs.length} modules`);
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
  });
});
