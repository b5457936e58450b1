/*
 * The named shapes of the `shape` element (issue #14's ornaments; the editor's 添加形状 offers the
 * same list). Zod-free: the page lists them with their Chinese names.
 */

export const SHAPE_PRESETS = {
  rect: '矩形',
  rounded: '圆角矩形',
  circle: '圆形',
  line: '线条',
  burst: '爆炸贴',
  star: '星形',
  ribbon: '飘带',
  scallop: '花边圆',
  wave: '波浪边',
  speech: '对话框',
  seal: '印章框',
  tab: '圆角标签',
  custom: '自定义路径',
} as const;
export type ShapePreset = keyof typeof SHAPE_PRESETS;
export const SHAPE_PRESET_NAMES = Object.keys(SHAPE_PRESETS) as [ShapePreset, ...ShapePreset[]];

/**
 * What `points` and `depth` mean for each shape when the element leaves them out: a designer's
 * usual proportions (a 16-spike burst a fifth deep, a chunky five-point star, 20 scallops).
 */
export const SHAPE_DEFAULTS: Partial<Record<ShapePreset, { points?: number; depth?: number }>> = {
  burst: { points: 16, depth: 0.2 },
  star: { points: 5, depth: 0.55 },
  scallop: { points: 20, depth: 0.1 },
  wave: { points: 6, depth: 0.2 },
  ribbon: { depth: 0.35 },
  seal: { depth: 0.08 },
};
