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
 * safe area, auto-fitted, so the user can type at once and the slogan assistant has its field. A
 * format cut along a picture (a shaped sticker) gets that picture too, filling the page inside its
 * cut's offset, with the slogan on its middle: without it the cut would fall back to the page's
 * rectangle.
 */
export function designOfFormat(formatId: string, name?: string): StudioDesign {
  const entry = getFormat(formatId);
  const format = formatOfEntry(entry);
  const contour = format.shape === 'contour' ? format.contour : undefined;
  const W = format.widthMm;
  const H = format.heightMm;
  const m = contour ? Math.min(W, H) * 0.25 : format.safeMm;
  const w = W - 2 * m;
  const h = contour ? H * 0.3 : H - 2 * m;
  const picture = contour
    ? [
        {
          id: contour.element,
          label: '模切插图',
          type: 'illustration',
          illustration: 'leafy-green',
          box: { x: contour.offsetMm, y: contour.offsetMm, w: W - 2 * contour.offsetMm, h: H - 2 * contour.offsetMm },
        },
      ]
    : [];
  return StudioDesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    name: name ?? entry.title,
    kind: entry.kind,
    format,
    background: { type: 'colour', colour: 'white' },
    elements: [
      ...picture,
      {
        id: 'slogan',
        slot: 'slogan',
        label: '标语',
        type: 'text',
        box: { x: m, y: contour ? (H - h) / 2 : m, w, h },
        text: '',
        font: { family: 'Noto Sans SC', weight: 900 },
        size: { mode: 'fit', minMm: Math.min(w, h) / 40, maxMm: Math.min(w, h) / 2 },
        colour: 'black',
      },
    ],
  });
}
