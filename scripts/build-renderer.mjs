// The renderer's bundle (npm run build:renderer): esbuild, one file, minified, UTF-8 (Chinese text
// as itself, not \uXXXX escapes: half the bytes), with the indentation of lit's html`` and css``
// templates folded away — esbuild keeps template literals as written. The bundle test
// (test/renderer/bundle.test.ts) builds with these same options.
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The static parts of html`…` and css`…` templates with runs of white space (newlines and
 * indentation) folded to one space, and none around CSS punctuation. `${…}` parts are left as
 * they are (nested templates are folded on their own). Text inside a template never depends on
 * more than one space: the studio has no <pre> or white-space: pre in its templates' own text.
 */
export function foldTemplates(source) {
  let out = '';
  let i = 0;
  const tag = /\b(html|css)`/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const start = m.index + m[0].length;
    out += source.slice(i, start);
    const isCss = m[1] === 'css';
    let j = start;
    let text = '';
    const flush = () => {
      let t = text.replace(/\s+/g, ' ');
      if (isCss) t = t.replace(/\s*([{};,>])\s*/g, '$1');
      out += t;
      text = '';
    };
    while (j < source.length && source[j] !== '`') {
      if (source[j] === '\\') {
        text += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        flush();
        // Copy the expression through its matching brace (it may hold strings and templates).
        let depth = 0;
        const from = j;
        for (; j < source.length; j++) {
          const c = source[j];
          if (c === '{') depth++;
          else if (c === '}' && --depth === 0) break;
          else if (c === '`') j = skipTemplate(source, j);
          else if (c === "'" || c === '"') j = skipString(source, j);
        }
        out += foldTemplates(source.slice(from, j + 1));
        j++;
      } else text += source[j++];
    }
    flush();
    i = j;
    tag.lastIndex = j + 1;
  }
  return out + source.slice(i);
}

function skipString(s, j) {
  const q = s[j];
  for (j++; j < s.length && s[j] !== q; j++) if (s[j] === '\\') j++;
  return j;
}

function skipTemplate(s, j) {
  for (j++; j < s.length && s[j] !== '`'; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '$' && s[j + 1] === '{') {
      let depth = 0;
      for (; j < s.length; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}' && --depth === 0) break;
        else if (s[j] === '`') j = skipTemplate(s, j);
        else if (s[j] === "'" || s[j] === '"') j = skipString(s, j);
      }
    }
  }
  return j;
}

const fold = {
  name: 'fold-templates',
  setup(b) {
    b.onLoad({ filter: /renderer[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: foldTemplates(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

export const rendererBuildOptions = {
  entryPoints: [`${ROOT}/renderer/src/app.ts`],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'chrome120',
  charset: 'utf8',
  tsconfig: `${ROOT}/renderer/tsconfig.json`,
  plugins: [fold],
  logLevel: 'warning',
  // Screens loaded by import() (the team library's tabs) become chunks the first load does not
  // fetch; code they share with app.js goes to a shared chunk app.js imports.
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = `${ROOT}/renderer/dist`;
  // Chunks are named by their hash: those of an earlier build would pile up.
  for (const f of await readdir(out).catch(() => [])) if (/^chunk-.*\.js$/.test(f)) await rm(`${out}/${f}`);
  await build({ ...rendererBuildOptions, outdir: out });
}
