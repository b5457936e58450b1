import { MAX_DESIGN_TEXT_CHARS } from '../../core/api.js';
import { DesignSchema, parseOrThrow, StudioError, type Design } from '../../core/index.js';

/**
 * Open and save work on the design JSON text itself: the transport moves the text (a file input
 * in the browser, a native dialog in Electron), the main side validates it with DesignSchema.
 */
export function openDesign(text: string): Design {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new StudioError('invalid-design', '这不是有效的设计文件（JSON 格式有误）', [String((err as Error).message)]);
  }
  return parseOrThrow(DesignSchema, json, '设计文件');
}

export function saveDesign(design: Design): { text: string } {
  const text = JSON.stringify(parseOrThrow(DesignSchema, design, '设计'), null, 2) + '\n';
  if (text.length > MAX_DESIGN_TEXT_CHARS)
    throw new StudioError('too-large', '设计文件过大（超过 64 MB）：请换用更小的图片');
  return { text };
}
