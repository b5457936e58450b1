import { createRequire } from 'node:module';
import type { FaceSource } from './face.js';

const require = createRequire(import.meta.url);

/** The faces that ship with the app (OFL, from the @expo-google-fonts packages). */
const FILES: ReadonlyArray<[family: string, weight: number, file: string]> = [
  ['Noto Sans SC', 400, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  ['Noto Sans SC', 700, '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
  ['Noto Sans SC', 900, '@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf'],
  ['Noto Serif SC', 700, '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'],
  ['Noto Serif SC', 900, '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'],
];

export const DEFAULT_FAMILY = 'Noto Sans SC';

let resolved: FaceSource[] | undefined;

export function bundledFaces(): FaceSource[] {
  resolved ??= FILES.map(([family, weight, file]) => ({ family, weight, path: require.resolve(file), bundled: true }));
  return resolved;
}

/** Serif designs fall back to the bundled serif first, everything else to the sans. */
export function isSerifFamily(family: string): boolean {
  return /serif|宋|明|song|ming|仿宋|fangsong|kai|楷/i.test(family);
}
