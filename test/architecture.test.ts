import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function* files(dir: string): Generator<string> {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|js|mjs)$/.test(n)) yield p;
  }
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of src.matchAll(re)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

/** The layer a file belongs to: core, engine, library, app, server, cli, renderer. */
function layerOf(abs: string): string | null {
  const rel = relative(ROOT, abs).split(/[\\/]/);
  if (rel[0] === 'main') return rel[1] ?? null;
  if (rel[0] === 'renderer') return 'renderer';
  return null;
}

// Which layers each layer may import (DESIGN.md §3).
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  engine: ['core', 'engine'],
  library: ['core', 'engine', 'library'],
  server: ['core', 'engine', 'library', 'server'],
  cli: ['core', 'engine', 'library', 'cli'],
  app: ['core', 'engine', 'library', 'server', 'app'],
  renderer: ['core', 'renderer'],
};
// Packages a layer may use: core is pure TypeScript plus zod; the renderer runs in a browser.
const PACKAGES: Record<string, RegExp> = {
  core: /^(zod(\/.*)?|pinyin-pro|opencc-js)$/,
  renderer: /^(lit|lit\/.*|@lit\/.*|zod(\/.*)?|pinyin-pro|opencc-js)$/,
};

describe('layering (DESIGN.md §3)', () => {
  const all = [...files(join(ROOT, 'main')), ...files(join(ROOT, 'renderer'))];

  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('each layer imports only the layers below it', () => {
    const bad: string[] = [];
    for (const f of all) {
      const from = layerOf(f);
      if (!from) continue;
      for (const spec of imports(f)) {
        if (spec.startsWith('.')) {
          const to = layerOf(resolve(dirname(f), spec));
          if (to && !ALLOWED[from]?.includes(to)) bad.push(`${relative(ROOT, f)} → ${spec}`);
        } else if (PACKAGES[from] && !PACKAGES[from].test(spec)) bad.push(`${relative(ROOT, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only main/app imports electron', () => {
    const bad = all.filter((f) => layerOf(f) !== 'app' && imports(f).some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(bad.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
