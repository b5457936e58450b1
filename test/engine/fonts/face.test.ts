import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFace } from '../../../main/engine/fonts/face.js';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

describe('openFace', () => {
  // Regression: installed fonts carry their PostScript name, which fontkit took for a variation
  // name on a single (non-collection) font and refused to open it.
  it.runIf(existsSync(DEJAVU))('opens an installed single-font file that carries a PostScript name', () => {
    const face = openFace({
      family: 'DejaVu Sans',
      weight: 400,
      path: DEJAVU,
      postscriptName: 'DejaVuSans',
      bundled: false,
    });
    expect(face.postscriptName).toBe('DejaVuSans');
    expect(face.advance(face.font.glyphForCodePoint(0x41).id)).toBeGreaterThan(0);
  });

  it('reports an unreadable font file as a StudioError', () => {
    expect(() => openFace({ family: 'X', weight: 400, path: '/nonexistent/font.ttf', bundled: false })).toThrow(
      /字体文件无法读取/,
    );
  });
});
