import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../../main/engine/fonts/bundled.js';
import { openFace } from '../../../main/engine/fonts/face.js';
import { measureUnits } from '../../../main/engine/layout/measure.js';

// A Latin-only font as the design's choice shows fallback for real: .ci/run installs fonts-dejavu-core.
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

describe('per-character font fallback', () => {
  it.runIf(existsSync(DEJAVU))('draws each character with the first face that has it', () => {
    const latin = openFace({ family: 'DejaVu Sans', weight: 400, path: DEJAVU, bundled: false });
    const sans = openFace(bundledFaces()[0]!);
    const units = measureUnits(['App', '下', '载', '≀', '𠀀'], { primary: latin, fallbacks: () => [sans] });
    expect(units.map((u) => [u.text, u.face.family])).toEqual([
      ['App', 'DejaVu Sans'],
      ['下', 'Noto Sans SC'],
      ['载', 'Noto Sans SC'],
      ['≀', 'DejaVu Sans'],
      ['𠀀', 'DejaVu Sans'],
    ]);
    expect(units.flatMap((u) => u.missing)).toEqual(['𠀀']);
  });
});
