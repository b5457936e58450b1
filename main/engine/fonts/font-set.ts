import { StudioError, type FontRef } from '../../core/index.js';
import { bundledFaces, DEFAULT_FAMILY, DISPLAY_FALLBACK, isSerifFamily } from './bundled.js';
import { closeOpenFaces, hasChar, openFace, type Face, type FaceSource } from './face.js';
import { systemFaces } from './system.js';

function nearestWeight(sources: FaceSource[], weight: number): FaceSource | undefined {
  let best: FaceSource | undefined;
  for (const s of sources) {
    if (!best || Math.abs(s.weight - weight) < Math.abs(best.weight - weight)) best = s;
  }
  return best;
}

const ASCII = /^[\x20-\x7e]*$/;

function sameFamily(a: string, b: string): boolean {
  // Plain ASCII names compare without case here: ICU's collator costs ~6 ms to set up, on every
  // start of the CLI, for what only names with accents or CJK need.
  if (ASCII.test(a) && ASCII.test(b)) return a.toLowerCase() === b.toLowerCase();
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

/** Every family the user can pick: the bundled ones first, then installed Chinese fonts. */
export function availableFamilies(includeSystem = true): { family: string; weights: number[]; bundled: boolean }[] {
  const all = [...bundledFaces(), ...(includeSystem ? systemFaces() : [])];
  const map = new Map<string, { family: string; weights: number[]; bundled: boolean }>();
  for (const s of all) {
    const e = map.get(s.family) ?? { family: s.family, weights: [], bundled: s.bundled };
    if (!e.weights.includes(s.weight)) e.weights.push(s.weight);
    map.set(s.family, e);
  }
  return [...map.values()].map((e) => ({ ...e, weights: e.weights.sort((a, b) => a - b) }));
}

export interface ResolvedFont {
  /** The face the design asked for, or its stand-in when that family is not on this machine. */
  primary: Face;
  /** Tried in order for characters the primary lacks; opened on first need (each face is ~10 MB). */
  fallbacks: () => Face[];
  /** Set when the asked-for family was not found and a bundled family stands in. */
  substituted?: string;
}

const resolvedCache = new Map<string, ResolvedFont>();

/** Drop every open face and the resolutions that hold them; the next use opens the files again. */
export function forgetOpenFonts(): void {
  resolvedCache.clear();
  closeOpenFaces();
}

/**
 * The face for a font reference, with its fallback chain. Bundled families resolve without touching
 * the disk beyond their own files; a family not bundled triggers the one-time system font scan.
 */
export function resolveFont(ref: FontRef): ResolvedFont {
  const k = `${ref.family}|${ref.weight}`;
  const hit = resolvedCache.get(k);
  if (hit) return hit;
  const bundled = bundledFaces();
  let sources = bundled.filter((s) => sameFamily(s.family, ref.family));
  let substituted: string | undefined;
  if (sources.length === 0) sources = systemFaces().filter((s) => sameFamily(s.family, ref.family));
  if (sources.length === 0) {
    // A design made on a PC with 微软雅黑 still opens elsewhere: a bundled family of the same style stands in.
    const stand = isSerifFamily(ref.family) ? 'Noto Serif SC' : DEFAULT_FAMILY;
    sources = bundled.filter((s) => s.family === stand);
    substituted = `字体「${ref.family}」在本机不存在，已用「${stand}」代替`;
  }
  const primarySrc = nearestWeight(sources, ref.weight);
  if (!primarySrc) throw new StudioError('missing-font', `找不到字体：${ref.family}`);
  const primary = openFace(primarySrc);
  const display = DISPLAY_FALLBACK[primary.family];
  const chain = [
    ...(display ? [display] : []),
    ...(isSerifFamily(primary.family) ? ['Noto Serif SC', DEFAULT_FAMILY] : [DEFAULT_FAMILY, 'Noto Serif SC']).map(
      (family) => ({ family, weight: ref.weight }),
    ),
  ];
  let fallbacks: Face[] | undefined;
  const r: ResolvedFont = {
    primary,
    fallbacks: () =>
      (fallbacks ??= [
        ...new Set(
          chain.flatMap(({ family, weight }) => {
            const src = nearestWeight(
              bundled.filter((s) => s.family === family),
              weight,
            );
            return src && src.path !== primarySrc.path ? [openFace(src)] : [];
          }),
        ),
      ]),
    ...(substituted ? { substituted } : {}),
  };
  resolvedCache.set(k, r);
  return r;
}

/** The face that draws a character: the primary, else the first fallback that has it, else null. */
export function faceFor(rf: ResolvedFont, cp: number): Face | null {
  if (hasChar(rf.primary, cp)) return rf.primary;
  for (const f of rf.fallbacks()) if (hasChar(f, cp)) return f;
  return null;
}
