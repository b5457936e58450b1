import { DesignSchema, TextElementSchema, type Design, type TextElement } from '../../main/core/index.js';

export const OUT_DIR = new URL('../.out/', import.meta.url).pathname;

/** A text element with the schema's defaults filled in. */
export function textEl(over: Partial<Record<keyof TextElement, unknown>> & { text: string }): TextElement {
  return TextElementSchema.parse({
    id: 't',
    type: 'text',
    box: { x: 0, y: 0, w: 100, h: 100 },
    size: { mode: 'fit', minMm: 1, maxMm: 50 },
    font: { family: 'Noto Sans SC', weight: 900 },
    ...over,
  });
}

/** A minimal valid design of the given size, for tests to extend. */
export function design(over: Record<string, unknown> = {}): Design {
  return DesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    name: '测试',
    format: { widthMm: 210, heightMm: 297 },
    elements: [],
    ...over,
  });
}
