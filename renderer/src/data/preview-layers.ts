import type { PreviewLayer } from '../../../main/core/api.js';
import type { Rect } from '../../../main/core/design/geometry.js';
import { locale } from '../i18n/i18n.js';

/*
 * The canvas's layers as shown: each SVG layer of the preview as an <img> of a data: URL of its
 * markup (an SVG in <img> runs no scripts and loads nothing; the markup never enters the DOM),
 * decoded off screen before it replaces the old one; a layer the edit did not change keeps its
 * image. A data: URL, not a blob: one: a blob is registered with the browser process and read
 * back through it (1–5 ms a keystroke, more on a busy machine), a data: URL is read in the page.
 */

/** A layer as shown: an SVG layer by the data: URL of its markup and the region its viewBox draws. */
export type ShownLayer = Exclude<PreviewLayer, { kind: 'svg' }> | ShownSvg;
type ShownSvg = { kind: 'svg'; id: string; svg: string; url: string; region: Rect | undefined };

/** The region the engine's SVG draws, in mm, from its viewBox. */
function svgRegion(svg: string): Rect | undefined {
  const m = /viewBox="([-\d.e]+) ([-\d.e]+) ([\d.e]+) ([\d.e]+)"/.exec(svg.slice(0, 400));
  return m ? { x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! } : undefined;
}

/** An SVG's markup as an image URL. */
export const svgUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The next set of shown layers for `layers`: unchanged SVG layers keep their image, new ones get a
 * URL and are decoded (when something is already on screen, so the swap never waits on a decode;
 * an <img> of a URL decoded in the page is complete as soon as it is set). `fresh`: the new URLs.
 */
export async function decodeLayers(
  shown: readonly ShownLayer[],
  layers: readonly PreviewLayer[],
): Promise<{ next: ShownLayer[]; fresh: string[] }> {
  // An element's layer is kept while its markup is the same (an element may draw more than one).
  const kept = new Map<string, ShownSvg[]>();
  for (const l of shown) if (l.kind === 'svg') kept.set(l.id, [...(kept.get(l.id) ?? []), l]);
  const fresh: string[] = [];
  const next: ShownLayer[] = layers.map((l) => {
    if (l.kind !== 'svg') return l;
    const same = kept.get(l.id)?.findIndex((k) => k.svg === l.svg) ?? -1;
    if (same >= 0) return kept.get(l.id)!.splice(same, 1)[0]!;
    const url = svgUrl(l.svg);
    fresh.push(url);
    return { ...l, url, region: svgRegion(l.svg) };
  });
  if (shown.length)
    await Promise.all(
      fresh.map((url) => {
        const img = new Image();
        img.src = url;
        return img.decode().catch(() => undefined);
      }),
    );
  return { next, fresh };
}

/**
 * A small picture of the canvas's sheet as shown (the start screen's recent designs): its layers
 * drawn onto a canvas, the longest side `px`. Undefined if the canvas refuses.
 */
export function drawThumbnail(sheet: HTMLElement, px: number): string | undefined {
  const k = px / Math.max(sheet.offsetWidth, sheet.offsetHeight);
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(sheet.offsetWidth * k));
  c.height = Math.max(1, Math.round(sheet.offsetHeight * k));
  const g = c.getContext('2d');
  if (!g) return undefined;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, c.width, c.height);
  const box = (n: HTMLElement) => [n.offsetLeft * k, n.offsetTop * k, n.offsetWidth * k, n.offsetHeight * k] as const;
  for (const n of sheet.querySelectorAll<HTMLElement>('[data-layer]')) {
    if (n instanceof HTMLImageElement) {
      if (n.complete) g.drawImage(n, ...box(n));
      continue;
    }
    const img = n.querySelector<HTMLImageElement>('img');
    if (!img?.complete) continue;
    const [x, y, w, h] = box(n);
    g.save();
    g.beginPath();
    g.rect(x, y, w, h);
    g.clip();
    g.drawImage(img, x + img.offsetLeft * k, y + img.offsetTop * k, img.offsetWidth * k, img.offsetHeight * k);
    g.restore();
  }
  try {
    return c.toDataURL('image/jpeg', 0.8);
  } catch {
    return undefined;
  }
}

/** A length as a user reads it: 6 米, 50 厘米, 5 毫米. */
export function formatLength(mm: number): string {
  const en = locale() === 'en';
  if (mm >= 1000) return `${(mm / 1000).toFixed(mm % 1000 ? 2 : 0)} ${en ? 'm' : '米'}`;
  if (mm >= 100 || mm % 10 === 0) return `${+(mm / 10).toFixed(1)} ${en ? 'cm' : '厘米'}`;
  return `${+mm.toFixed(1)} ${en ? 'mm' : '毫米'}`;
}
