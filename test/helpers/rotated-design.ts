import type { Design } from '../../main/core/index.js';
import { design } from './designs.js';

/** Elements turned on the canvas (issue #15): text, shapes, a picture, a QR code; one hidden. */
export function rotated(): Design {
  return design({
    format: { widthMm: 150, heightMm: 100 },
    background: { type: 'colour', colour: '#FFF4D6' },
    elements: [
      { id: 'bar', type: 'rect', box: { x: 20, y: 40, w: 110, h: 16 }, fill: 'print-red', rotation: 30 },
      { id: 'hidden', type: 'rect', box: { x: 0, y: 0, w: 150, h: 100 }, fill: 'black', hidden: true },
      {
        id: 'slogan',
        type: 'text',
        text: '莫给骗子当韭菜',
        box: { x: 10, y: 8, w: 90, h: 20 },
        size: { mode: 'fit', minMm: 4, maxMm: 14 },
        font: { family: 'Noto Sans SC', weight: 900 },
        colour: '#0B3D91',
        stroke: { colour: 'white', widthMm: 0.8 },
        rotation: -12,
      },
      { id: 'fish', type: 'illustration', box: { x: 110, y: 60, w: 30, h: 30 }, illustration: 'fish', rotation: 45 },
      // Main's shape element (a preset outline) turns like the rest.
      { id: 'strip', type: 'shape', shape: 'rect', box: { x: 60, y: 70, w: 30, h: 8 }, fill: '#2E8B3A', rotation: 90 },
      { id: 'qr', type: 'qr', box: { x: 12, y: 62, w: 30, h: 30 }, content: 'https://example.cn/', rotation: 90 },
    ],
  });
}
