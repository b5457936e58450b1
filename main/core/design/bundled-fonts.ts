/**
 * The font families that ship with the app (all SIL OFL 1.1), as the UI lists them. The engine
 * maps each face to its file (main/engine/fonts/bundled.ts); a design names the family.
 */
export const BUNDLED_FAMILIES = [
  { family: 'Noto Sans SC', zh: '思源黑体', weights: [400, 700, 900], style: 'sans' },
  { family: 'Noto Serif SC', zh: '思源宋体', weights: [700, 900], style: 'serif' },
  { family: 'ZCOOL QingKe HuangYou', zh: '站酷庆科黄油体', weights: [400], style: 'display' },
  { family: 'ZCOOL KuaiLe', zh: '站酷快乐体', weights: [400], style: 'display' },
  { family: 'Ma Shan Zheng', zh: '马善政毛笔楷书', weights: [400], style: 'display' },
] as const;

export type BundledFamily = (typeof BUNDLED_FAMILIES)[number]['family'];

/** The Chinese name of a bundled family, else the family as written. */
export function familyLabel(family: string): string {
  return BUNDLED_FAMILIES.find((f) => f.family === family)?.zh ?? family;
}
