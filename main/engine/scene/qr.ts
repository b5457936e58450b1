import QRCode from 'qrcode';
import { elementName, StudioError, type QrElement } from '../../core/index.js';
import type { PathItem, RectItem } from './types.js';

const fmt = (v: number) => String(Math.round(v * 10000) / 10000);

/**
 * A QR code as one light square (with its quiet zone) and one dark path. Horizontal runs of dark
 * modules are merged into single rectangles, so the path stays small and abutting modules leave
 * no hairline seams in any renderer.
 */
export function qrItems(el: QrElement): [RectItem, PathItem] {
  // Encoding is the costly part and the code rarely changes while the user types elsewhere.
  const key = JSON.stringify(el);
  const hit = qrCache.get(key);
  if (hit) return hit;
  const items = encode(el);
  if (qrCache.size > 64) qrCache.clear();
  qrCache.set(key, items);
  return items;
}

const qrCache = new Map<string, [RectItem, PathItem]>();

function encode(el: QrElement): [RectItem, PathItem] {
  let qr: ReturnType<typeof QRCode.create>;
  try {
    qr = QRCode.create(el.content, { errorCorrectionLevel: el.ecLevel });
  } catch (err) {
    throw new StudioError('invalid-input', `「${elementName(el)}」的内容无法编码（可能过长），请缩短内容`, [], {
      cause: err,
    });
  }
  const n = qr.modules.size;
  const total = n + 2 * el.quietZone;
  const side = Math.min(el.box.w, el.box.h);
  const m = side / total;
  const x0 = el.box.x + (el.box.w - side) / 2;
  const y0 = el.box.y + (el.box.h - side) / 2;
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      const x = x0 + (el.quietZone + start) * m;
      const y = y0 + (el.quietZone + r) * m;
      parts.push(`M${fmt(x)} ${fmt(y)}H${fmt(x + (c - start) * m)}V${fmt(y + m)}H${fmt(x)}Z`);
    }
  }
  return [
    { kind: 'rect', elementId: el.id, x: x0, y: y0, w: side, h: side, r: 0, fill: el.light },
    { kind: 'path', elementId: el.id, d: parts.join(''), fill: el.dark },
  ];
}
