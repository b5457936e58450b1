import QRCode from 'qrcode';
import type { Design, PreflightFinding, QrElement } from '../../core/index.js';
import { nameOf } from '../illustrations.js';
import type { RectItem, Scene } from '../scene/types.js';

/** The QR standard's light margin, in modules (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

/**
 * The light margin a QR code really has, in modules: its own quiet zone plus a plate of its light
 * colour drawn under it (a white card), measured on the plate's narrowest side.
 */
export function effectiveQuietZone(el: QrElement, scene: Scene, modules: number): number {
  const items = scene.items;
  const own = items.findIndex((it) => it.elementId === el.id && it.kind === 'rect');
  const code = items[own] as RectItem | undefined;
  if (!code) return el.quietZone;
  const m = code.w / (modules + 2 * el.quietZone);
  let plate = 0;
  for (const it of items.slice(0, own)) {
    if (it.kind !== 'rect' || !it.fill || it.fill.rgb !== el.light.rgb) continue;
    const margin = Math.min(
      code.x - it.x - it.r * 0.3,
      code.y - it.y - it.r * 0.3,
      it.x + it.w - (code.x + code.w) - it.r * 0.3,
      it.y + it.h - (code.y + code.h) - it.r * 0.3,
    );
    if (margin > plate) plate = margin;
  }
  return el.quietZone + plate / m;
}

/** A QR code with less light margin than the standard's 4 modules scans badly on many phones. */
export function quietZoneFindings(design: Design, scene: Scene): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  for (const el of design.elements) {
    if (el.type !== 'qr') continue;
    let modules: number;
    try {
      modules = QRCode.create(el.content, { errorCorrectionLevel: el.ecLevel }).modules.size;
    } catch {
      continue; // content that cannot be encoded already stopped the scene
    }
    const q = effectiveQuietZone(el, scene, modules);
    if (q < QR_QUIET_ZONE - 0.05)
      findings.push({
        severity: 'warning',
        code: 'qr-quiet-zone',
        elementId: el.id,
        message: `「${nameOf(el)}」四周的浅色留白只有 ${q.toFixed(1)} 个码点宽，标准要求至少 ${QR_QUIET_ZONE} 个，部分手机会扫不出；请把留白设为 ${QR_QUIET_ZONE}，或给它垫一块同色底板`,
      });
  }
  return findings;
}
