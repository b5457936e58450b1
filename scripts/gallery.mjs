#!/usr/bin/env node
/*
 * docs/gallery.png: the contact sheet of every shipped template (campaign-studio contact-sheet),
 * stored as a 128-colour PNG so the picture in the docs stays a few hundred KB. Run after
 * `npm run build`: node scripts/gallery.mjs [out.png]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { renderContactSheet } from '../dist/main/engine/contact-sheet.js';
import { listTemplates } from '../dist/main/engine/templates.js';

const out = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'gallery.png'));
const dir = mkdtempSync(join(tmpdir(), 'gallery-'));
try {
  const sheet = join(dir, 'sheet.png');
  const r = await renderContactSheet(listTemplates(), { out: sheet, columns: 6, cellPx: 170 });
  await sharp(sheet).png({ palette: true, colors: 128, effort: 10 }).toFile(out);
  const { size } = statSync(out);
  console.log(`${out}: ${r.templates} templates, ${r.widthPx}×${r.heightPx} px, ${Math.round(size / 1024)} KB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
