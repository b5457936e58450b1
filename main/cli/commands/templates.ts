import { slotsOf } from '../../core/index.js';
import { listTemplates } from '../../engine/templates.js';
import { parse } from '../args.js';
import { out } from '../io.js';

export function templatesCommand(argv: string[]): number {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  const list = listTemplates().map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    widthMm: t.format.widthMm,
    heightMm: t.format.heightMm,
    widthPx: t.format.pixels?.width,
    heightPx: t.format.pixels?.height,
    bleedMm: t.format.bleedMm,
    slots: slotsOf(t).map((s) => ({ name: s.name, label: s.label, type: s.type })),
  }));
  if (values.json) {
    out(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const t of list) {
    const size =
      t.widthPx !== undefined ? `${t.widthPx}×${t.heightPx} 像素` : `${t.widthMm / 10}×${t.heightMm / 10} cm`;
    out(`${t.id.padEnd(28)} ${t.kind.padEnd(12)} ${size.padEnd(16)} ${t.title}`);
    out(`${''.padEnd(28)} 槽位：${t.slots.map((s) => `${s.name}（${s.label}）`).join('、')}`);
  }
  return 0;
}
