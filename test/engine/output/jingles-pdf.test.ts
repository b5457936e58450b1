import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { JINGLES, settingProblems, sloganTemplates, withSlogan } from '../../helpers/jingles.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

const DIR = `${OUT_DIR}jingles/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

type Char = { c: string; x: number; y: number; sizeMm: number };

/** Characters into lines: by baseline (horizontal), or by column axis right to left (vertical). */
function readLines(chars: Char[], vertical: boolean): { text: string; top: number }[] {
  const rows: Char[][] = [];
  const key = (c: Char): number => (vertical ? c.x : c.y);
  for (const c of [...chars].sort((a, b) => (vertical ? b.x - a.x : a.y - b.y))) {
    const row = rows.find((r) => Math.abs(key(r[0]!) - key(c)) < 0.3 * c.sizeMm);
    if (row) row.push(c);
    else rows.push([c]);
  }
  return rows.map((r) => ({
    text: r
      .sort((a, b) => (vertical ? a.y - b.y : a.x - b.x))
      .map((c) => c.c)
      .join(''),
    top: Math.min(...r.map((c) => c.y)),
  }));
}

describe('jingles as the PDF sets them (read back with MuPDF)', () => {
  for (const { id, design, slogan } of sloganTemplates()) {
    it(`${id}: no word split, halves kept, columns level`, async () => {
      const scenes = JINGLES.map((j) => buildScene(withSlogan(design, j)).scene);
      const r = await writePdf(scenes, `${DIR}${id}.pdf`);
      const pdf = PdfReader.open(r.path);
      expect(pdf.pageCount).toBe(JINGLES.length);
      JINGLES.forEach((j, page) => {
        const { mm } = pdf.boxes(page);
        const trim = mm.TrimBox!;
        const media = mm.MediaBox!;
        // Character origins (MuPDF gives true size, UserUnit applied) from the trim's top-left.
        const chars = pdf
          .chars(page)
          .filter((c) => c.c.trim())
          .map((c) => ({ ...c, x: c.x - trim.x0, y: c.y - (media.h - trim.y1) }));
        // Every pen origin of the slogan lies in its box: lines fit it, hanging marks included.
        const b = slogan.box;
        const pad = 0.01 * Math.min(b.w, b.h);
        const mine = chars.filter(
          (c) => c.x >= b.x - pad && c.x <= b.x + b.w + pad && c.y >= b.y - pad && c.y <= b.y + b.h + pad,
        );
        const vertical = slogan.writing === 'vertical';
        const lines = readLines(mine, vertical);
        expect(
          settingProblems(
            j,
            lines.map((l) => l.text),
          ),
          `${j} on ${id}`,
        ).toEqual([]);
        if (vertical) {
          const tops = lines.map((l) => l.top);
          expect(Math.max(...tops) - Math.min(...tops), `${j} columns`).toBeLessThan(0.05);
        }
      });
      pdf.close();
    });
  }
});
