import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { forgetOpenFonts } from '../engine/fonts/font-set.js';
import { renderDesigns } from '../engine/render.js';
import { layouts } from '../engine/scene/layout-cache.js';
import { designsFromArgs } from './commands/design-input.js';
import { run } from './main.js';
import { runCommandLine } from './process-hooks.js';
// The short commands, loaded now so their modules (the engine, pdfkit, fontkit's Unicode tables,
// the zod schemas) are set up inside the snapshot instead of at every start.
import './commands/render.js';
import './commands/preflight.js';
import './commands/templates.js';
import './commands/formats.js';
import './commands/fonts.js';
import '../engine/output/pdf/write-pdf.js';

/*
 * The entry of the CLI's V8 start-up snapshot (dist/cli.blob, made by scripts/build-cli.mjs with
 * `node --build-snapshot`): the bundle is compiled, its modules set up and one poster rendered
 * once, at build time; a start from the blob (bin/campaign-studio, the POSIX launcher) only
 * deserialises the heap and runs the command. What a snapshot cannot hold is left for run time:
 * the native and data-heavy packages (sharp, SQLite, MuPDF, pinyin-pro, OpenCC) are required when
 * a command needs them. The blob holds this build's paths; the launcher uses it only from here.
 */

// Set by the bundle's banner (scripts/build-cli.mjs): where its requires go once started.
declare let __csRequire: NodeJS.Require | undefined;

startupSnapshot.setDeserializeMainFunction(() => {
  __csRequire = createRequire(__filename);
  // No script name in a start from a blob: the command's words follow node's own arguments.
  runCommandLine(run, process.argv.slice(1));
});

// One render at build time compiles the whole PDF path (layout, shaping, zod parsing, pdfkit),
// so the first render after a start does not pay for it. In RGB: a CMYK PDF's output intent
// comes from sharp, which is not there at build time.
async function warmUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-snapshot-'));
  try {
    const designs = await designsFromArgs({ template: 'poster-a2-red' });
    await renderDesigns(designs, { out: join(dir, 'warm.pdf'), allowPlaceholder: true, cmyk: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // Neither font files (~10 MB each) nor their descriptors may stay in the snapshot.
    layouts.clear();
    forgetOpenFonts();
  }
}
void warmUp().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
