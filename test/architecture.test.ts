import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule (DESIGN.md §3) is enforced by ESLint (scripts/lint/layers.mjs, run by `npm run
// lint` in `npm test`). These tests make sure the check can fail: each kind of violation, put into
// a file of the layer it breaks, must be reported by the project's own lint configuration.

const ROOT = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'studio/layers').map((m) => m.message);
}

const VIOLATIONS: [string, string, string][] = [
  [
    'core imports engine',
    'main/core/injected.ts',
    "import { buildScene } from '../engine/scene/build-scene.js';\nexport const x = buildScene;\n",
  ],
  [
    'core imports a Node built-in',
    'main/core/design/injected.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  ],
  ['core re-exports engine', 'main/core/injected.ts', "export * from '../engine/render.js';\n"],
  [
    'core names a module by a template literal with an expression',
    'main/core/injected.ts',
    "const n = 'render';\nexport const m = import(`../engine/${n}.js`);\n",
  ],
  [
    'core imports engine by a plain template literal',
    'main/core/injected.ts',
    'export const m = import(`../engine/render.js`);\n',
  ],
  [
    'core imports by a computed name',
    'main/core/injected.ts',
    "const p = ['..', 'engine'].join('/');\nexport const m = import(p);\n",
  ],
  [
    'core requires a package',
    'main/core/injected.ts',
    "declare const require: (s: string) => unknown;\nexport const m = require('sharp');\n",
  ],
  [
    'renderer imports engine',
    'renderer/src/injected.ts',
    "import { layoutText } from '../../main/engine/layout/layout-text.js';\nexport const x = layoutText;\n",
  ],
  [
    'renderer imports engine types only',
    'renderer/src/injected.ts',
    "import type { Scene } from '../../main/engine/scene/types.js';\nexport type X = Scene;\n",
  ],
  [
    'renderer imports server',
    'renderer/src/data/injected.ts',
    "import { createHandlers } from '../../../main/server/handlers/index.js';\nexport const x = createHandlers;\n",
  ],
  [
    'renderer imports a Node package',
    'renderer/src/injected.ts',
    "import sharp from 'sharp';\nexport const x = sharp;\n",
  ],
  [
    'renderer requires by a computed name',
    'renderer/src/injected.ts',
    "declare const require: (s: string) => unknown;\nconst n = 'fs';\nexport const m = require(n);\n",
  ],
  [
    'renderer names a type by import()',
    'renderer/src/injected.ts',
    "export type X = import('../../main/engine/render.js').RenderResult;\n",
  ],
  [
    'engine imports library',
    'main/engine/injected.ts',
    "import { openLibrary } from '../library/library.js';\nexport const x = openLibrary;\n",
  ],
  [
    'library imports engine',
    'main/library/injected.ts',
    "import { renderDesigns } from '../engine/render.js';\nexport const x = renderDesigns;\n",
  ],
  [
    'library imports engine types only',
    'main/library/injected.ts',
    "import type { Scene } from '../engine/scene/types.js';\nexport type X = Scene;\n",
  ],
  [
    'the Node layer imports engine',
    'main/node/injected.ts',
    "import { buildScene } from '../engine/scene/build-scene.js';\nexport const x = buildScene;\n",
  ],
  [
    'library imports server',
    'main/library/injected.ts',
    "import { createHandlers } from '../server/handlers/index.js';\nexport const x = createHandlers;\n",
  ],
  ['server imports electron', 'main/server/injected.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  [
    'cli imports app',
    'main/cli/injected.ts',
    "import { startStudio } from '../app/studio-app.js';\nexport const x = startStudio;\n",
  ],
];

describe('layering (DESIGN.md §3), checked by ESLint', () => {
  it.each(VIOLATIONS)('fails when %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it('accepts what the rule allows', async () => {
    expect(
      await layerErrors(
        'main/engine/injected.ts',
        "import { z } from 'zod';\nimport { DesignSchema } from '../core/index.js';\nexport const x = [z, DesignSchema];\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'renderer/src/injected.ts',
        "import { html } from 'lit';\nimport type { Design } from '../../main/core/index.js';\nexport const x = html;\nexport type D = Design;\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors('main/app/injected.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toEqual([]);
  });

  it('the tree as it stands passes', async () => {
    const results = await eslint.lintFiles(['main', 'renderer/src']);
    const bad = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'studio/layers').map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(bad).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });
});
