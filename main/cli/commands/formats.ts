import { listFormats } from '../../engine/formats.js';
import { parse } from '../args.js';
import { out } from '../io.js';

const COLOUR = { cmyk: 'CMYK', rgb: 'RGB' } as const;

export function formatsCommand(argv: string[]): number {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  const list = listFormats();
  if (values.json) {
    out(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const f of list) {
    const size = f.pixels ? `${f.pixels.width}×${f.pixels.height} 像素` : `${f.widthMm / 10}×${f.heightMm / 10} cm`;
    const print = [
      `出血 ${f.bleedMm} mm`,
      `安全边距 ${f.safeMm} mm`,
      `${f.dpi} dpi`,
      COLOUR[f.colourMode],
      `观看距离 ${f.viewingDistanceM} 米`,
    ];
    out(`${f.id.padEnd(24)} ${f.kind.padEnd(16)} ${size.padEnd(16)} ${f.title}`);
    out(`${''.padEnd(24)} ${print.join('，')}${f.cropMarks ? '，裁切线' : ''}`);
    if (f.notes) out(`${''.padEnd(24)} ${f.notes}`);
  }
  return 0;
}
