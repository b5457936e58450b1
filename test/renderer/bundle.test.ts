import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { foldTemplates, rendererBuildOptions } from '../../scripts/build-renderer.mjs';

/*
 * The page's bundle as `npm run build:renderer` makes it (#12 §5, same options): no zod in it (the
 * renderer imports zod-free core modules and types only), and at most 300 KB minified for the first
 * load — app.js and the chunks it imports; screens loaded by import() (the team library's, 拼版 and
 * 活动套装) apart, each a chunk fetched after the first paint.
 */
describe('the renderer bundle', () => {
  it('holds no zod and stays under 300 KB minified', async () => {
    const r = await build({
      ...rendererBuildOptions,
      write: false,
      metafile: true,
      outdir: 'out',
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((i) => i.includes('node_modules/zod/'))).toEqual([]);
    // Only zod-free core modules reach the page: no schema file of the contract.
    expect(inputs.filter((i) => /main\/core\/(api[\w-]*|index|profile)\.ts$/.test(i))).toEqual([]);
    // The first load: the entry and every chunk it imports statically, transitively.
    const outputs = r.metafile.outputs;
    const first = new Set<string>();
    const visit = (path: string) => {
      if (first.has(path)) return;
      first.add(path);
      for (const i of outputs[path]!.imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(Object.keys(outputs).find((p) => outputs[p]!.entryPoint && p.endsWith('.js'))!);
    const size = (paths: string[]) => paths.reduce((n, p) => n + outputs[p]!.bytes, 0);
    const js = Object.keys(outputs).filter((p) => p.endsWith('.js'));
    const bytes = size([...first]);
    const later = size(js.filter((p) => !first.has(p)));
    console.log(
      `[renderer] first load ${(bytes / 1024).toFixed(1)} KB minified (${first.size} files), loaded later ${(later / 1024).toFixed(1)} KB, ${inputs.length} modules`,
    );
    expect(later).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
  });

  it('folds only the white space of html and css templates, never an expression or other text', () => {
    const src = [
      'const a = html`<div class="x">\n    <span>${cond ? html`<b>\n  y</b>` : \'keep  two\'}</span>\n  </div>`;',
      'const b = css`\n  .x > .y { color: red ;\n  margin: 0 4px; }\n  :host .z:hover { top: 0 }`;',
      "const c = `plain   template`; const d = 'html   text';",
    ].join('\n');
    expect(foldTemplates(src).split('\n')).toEqual([
      'const a = html`<div class="x"> <span>${cond ? html`<b> y</b>` : \'keep  two\'}</span> </div>`;',
      'const b = css` .x>.y{color: red;margin: 0 4px;}:host .z:hover{top: 0}`;',
      "const c = `plain   template`; const d = 'html   text';",
    ]);
  });
});
