import type { Design, PreflightFinding, PreflightReport } from '../../core/index.js';
import { prepareAssets } from '../assets/prepare.js';
import { buildScene, type BuiltScene } from '../scene/build-scene.js';
import { effectiveDpi } from '../scene/image-fit.js';
import type { ImageItem } from '../scene/types.js';
import { lowContrastShare, MIN_CONTRAST } from './contrast.js';
import { cutMarginFindings } from './cut-margin.js';
import { occupied, protrusion, protrusionUnlessBleeding } from './geometry.js';
import { keyAreaFindings } from './key-area.js';
import { placeholderFindings } from './placeholders.js';
import { quietZoneFindings } from './quiet-zone.js';
import { nameOf } from '../illustrations.js';
import { lineFindings, textLines } from './text-lines.js';

const NOTE_CODES = {
  overflow: ['error', 'text-overflow'],
  'missing-glyph': ['error', 'missing-glyph'],
  'font-substituted': ['warning', 'font-substituted'],
  'empty-slot': ['warning', 'empty-slot'],
} as const;

/** Smallest legible character size for a format, mm: 1/300 of the viewing distance on paper. */
export function minTextMm(design: Design): number {
  const f = design.format;
  // Screen images are read on a phone held close: about 2.6 % of the image width (28 px of 1080).
  if (f.pixels) return f.widthMm * 0.026;
  return (f.viewingDistanceM * 1000) / 300;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * 印前检查: everything a print shop or a reader would trip over, each finding naming its element.
 * `built`: the design's scene when the caller has it already (the studio's live preview built it).
 */
export async function preflight(design: Design, built?: BuiltScene): Promise<PreflightReport> {
  const { scene, text } = built ?? buildScene(design, await prepareAssets(design));
  const findings: PreflightFinding[] = scene.notes.map((n) => ({
    severity: NOTE_CODES[n.kind][0],
    code: NOTE_CODES[n.kind][1],
    elementId: n.elementId,
    message: n.message,
  }));
  const f = design.format;
  const safe = { x: f.safeMm, y: f.safeMm, w: f.widthMm - 2 * f.safeMm, h: f.heightMm - 2 * f.safeMm };
  const minSize = minTextMm(design);

  for (const el of design.elements) {
    if (el.type === 'text' || el.type === 'qr' || (el.type === 'image' && el.asset)) {
      const r = occupied(el, text);
      const page = { w: f.widthMm, h: f.heightMm };
      const out = !r ? 0 : el.type === 'image' ? protrusionUnlessBleeding(r, safe, page) : protrusion(r, safe);
      if (r && out > 0.05 && (el.type !== 'text' || el.text.trim())) {
        findings.push({
          severity: 'warning',
          code: 'outside-safe-area',
          elementId: el.id,
          message: `「${nameOf(el)}」超出安全区 ${fmt(out)} mm（离裁切边应至少 ${fmt(f.safeMm)} mm），裁切或包边时可能被切掉`,
        });
      }
    }
    if (el.type === 'text' && el.text.trim()) {
      const lay = text.get(el.id);
      if (lay && lay.sizeMm < minSize) {
        findings.push({
          severity: 'warning',
          code: 'text-too-small',
          elementId: el.id,
          message: `「${nameOf(el)}」字高 ${fmt(lay.sizeMm)} mm，在常见观看距离 ${f.viewingDistanceM} 米处难以看清（建议至少 ${fmt(minSize)} mm）`,
        });
      }
      if (lay && lay.block.w > 0 && lay.block.h > 0) {
        const { share, worst } = await lowContrastShare(scene, el, lay.block);
        if (share > 0.2) {
          findings.push({
            severity: 'warning',
            code: 'low-contrast',
            elementId: el.id,
            message: `「${nameOf(el)}」与背景对比度不足（最低 ${worst.toFixed(1)}:1，应至少 ${MIN_CONTRAST}:1），远处难以辨认`,
          });
        }
      }
    }
  }
  const minDpi = Math.max(20, f.dpi / 1.5);
  const imageName = (id: string): string => {
    const el = design.elements.find((e) => e.id === id);
    return el ? nameOf(el) : '背景图片';
  };
  for (const it of scene.items) {
    if (it.kind !== 'image') continue;
    const dpi = effectiveDpi(it as ImageItem);
    if (dpi < minDpi) {
      findings.push({
        severity: 'warning',
        code: 'low-image-dpi',
        elementId: it.elementId,
        message: `「${imageName(it.elementId)}」印出来只有 ${Math.round(dpi)} dpi（${it.image.widthPx}×${it.image.heightPx} 像素），低于此尺寸建议的 ${Math.round(minDpi)} dpi，会发虚`,
      });
    }
  }
  // Placeholders first: they are what stops an export. An empty photo box that is a placeholder is
  // said once, as the error.
  const samples = placeholderFindings(design);
  const sampleIds = new Set(samples.map((x) => x.elementId));
  const all = [
    ...samples,
    ...findings.filter((x) => !(x.code === 'empty-slot' && sampleIds.has(x.elementId))),
    ...keyAreaFindings(design, text),
    ...cutMarginFindings(design, scene),
    ...quietZoneFindings(design, scene),
    ...lineFindings(design, text),
  ];
  return {
    design: design.name,
    ok: !all.some((x) => x.severity === 'error'),
    findings: all,
    text: textLines(design, text),
  };
}
