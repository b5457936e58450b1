import { createRequire } from 'node:module';
import type { BundledFamily } from '../../core/index.js';
import type { FaceSource } from './face.js';

/** The faces that ship with the app (OFL, from the @expo-google-fonts packages). */
const FILES: ReadonlyArray<[family: BundledFamily, weight: number, file: string]> = [
  ['Noto Sans SC', 400, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  ['Noto Sans SC', 700, '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
  ['Noto Sans SC', 900, '@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf'],
  ['Noto Serif SC', 700, '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'],
  ['Noto Serif SC', 900, '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'],
  [
    'ZCOOL QingKe HuangYou',
    400,
    '@expo-google-fonts/zcool-qingke-huangyou/400Regular/ZCOOLQingKeHuangYou_400Regular.ttf',
  ],
  ['ZCOOL KuaiLe', 400, '@expo-google-fonts/zcool-kuaile/400Regular/ZCOOLKuaiLe_400Regular.ttf'],
  ['Ma Shan Zheng', 400, '@expo-google-fonts/ma-shan-zheng/400Regular/MaShanZheng_400Regular.ttf'],
];

export const DEFAULT_FAMILY = 'Noto Sans SC';

/**
 * The Noto face that stands in for a display family's missing characters (they cover GB 2312,
 * ~6,800 ideographs; Noto has ~21,000): one of about the same colour on the page, so a fallback
 * character does not look pale beside its neighbours.
 */
export const DISPLAY_FALLBACK: Readonly<Record<string, { family: string; weight: number }>> = {
  'ZCOOL QingKe HuangYou': { family: 'Noto Sans SC', weight: 900 },
  'ZCOOL KuaiLe': { family: 'Noto Sans SC', weight: 700 },
  'Ma Shan Zheng': { family: 'Noto Serif SC', weight: 700 },
};

let resolved: FaceSource[] | undefined;

export function bundledFaces(): FaceSource[] {
  if (resolved) return resolved;
  // Resolved from this module's location at call time, not at load time: the CLI's start-up
  // snapshot loads its modules at build time, in another place than where it may run.
  const require = createRequire(import.meta.url);
  resolved = FILES.map(([family, weight, file]) => ({ family, weight, path: require.resolve(file), bundled: true }));
  return resolved;
}

/** Serif designs fall back to the bundled serif first, everything else to the sans. */
export function isSerifFamily(family: string): boolean {
  return /serif|宋|明|song|ming|仿宋|fangsong|kai|楷/i.test(family);
}
