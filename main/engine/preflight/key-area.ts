import type { Design, PreflightFinding } from '../../core/index.js';
import { nameOf } from '../illustrations.js';
import type { TextLayout } from '../layout/layout-text.js';
import { occupied, protrusion, type Rect } from './geometry.js';

/** The part of a screen image every viewer sees; null when the format has no such crop. */
export function keyArea(design: Pick<Design, 'format'>): Rect | null {
  const f = design.format;
  if (f.keyArea !== 'centre-square') return null;
  const side = Math.min(f.widthMm, f.heightMm);
  return { x: (f.widthMm - side) / 2, y: (f.heightMm - side) / 2, w: side, h: side };
}

/**
 * A WeChat article cover shows only its centre square when forwarded (DESIGN.md §5): the texts a
 * user fills (slogan, title, hotline…) and QR codes must lie inside it, or the forwarded card cuts
 * them. Decoration may run across the whole cover.
 */
export function keyAreaFindings(design: Design, text: Map<string, TextLayout>): PreflightFinding[] {
  const area = keyArea(design);
  if (!area) return [];
  const findings: PreflightFinding[] = [];
  for (const el of design.elements) {
    const key = (el.type === 'text' && el.slot && el.text.trim()) || el.type === 'qr';
    if (!key) continue;
    const r = occupied(el, text);
    const out = r ? protrusion(r, area) : 0;
    if (out > 0.2)
      findings.push({
        severity: 'warning',
        code: 'outside-key-area',
        elementId: el.id,
        message: `「${nameOf(el)}」伸出封面中间的正方形 ${out.toFixed(1)} mm：转发到聊天时只显示中间这一块，请把它移进中间`,
      });
  }
  return findings;
}
