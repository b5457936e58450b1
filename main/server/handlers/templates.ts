import type { ApiValue } from '../../core/api.js';
import {
  designFromTemplate,
  formatOfEntry,
  slotsOf,
  StudioDesignSchema,
  type Design,
  type StudioDesign,
} from '../../core/index.js';
import { templateThumbnailPath } from '../../core/resource-paths.js';
import { getFormat, listFormats } from '../../engine/formats.js';
import { getTemplate, listTemplates } from '../../engine/templates.js';

export function templateSummaries(): ApiValue<'listTemplates'> {
  return listTemplates().map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    description: t.description,
    widthMm: t.format.widthMm,
    heightMm: t.format.heightMm,
    bleedMm: t.format.bleedMm,
    widthPx: t.format.pixels?.width,
    heightPx: t.format.pixels?.height,
    slots: slotsOf(t).map((s) => ({ name: s.name, label: s.label, type: s.type })),
    ...(t.style ? { style: t.style } : {}),
    thumbnail: templateThumbnailPath(t.id),
  }));
}

export const formats = (): ApiValue<'listFormats'> => listFormats();

/** A new design from a template: the user's copy, remembering where it came from. */
export const designOfTemplate = (id: string): Design => designFromTemplate(getTemplate(id));

/**
 * A new design in a catalogue format: the format's print defaults and one slogan slot filling the
 * safe area, auto-fitted, so the user can type at once and the slogan assistant has its field.
 */
export function designOfFormat(formatId: string, name?: string): StudioDesign {
  const entry = getFormat(formatId);
  const format = formatOfEntry(entry);
  const m = format.safeMm;
  const w = format.widthMm - 2 * m;
  const h = format.heightMm - 2 * m;
  return StudioDesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    name: name ?? entry.title,
    kind: entry.kind,
    format,
    background: { type: 'colour', colour: 'white' },
    elements: [
      {
        id: 'slogan',
        slot: 'slogan',
        label: '标语',
        type: 'text',
        box: { x: m, y: m, w, h },
        text: '',
        font: { family: 'Noto Sans SC', weight: 900 },
        size: { mode: 'fit', minMm: Math.min(w, h) / 40, maxMm: Math.min(w, h) / 2 },
        colour: 'black',
      },
    ],
  });
}
