import type { Colour } from '../../main/core/index.js';
import type { Scene, SceneItem } from '../../main/engine/scene/types.js';
import { background, face, runWidth, scene, textRun, WHITE, YELLOW, RED, BLUE } from './scene-fixtures.js';

/** Scenes for the raster writer tests and timing probes (hand-built, no layout engine). */

export const PEER_RED: Colour = { rgb: '#C8102E' };
export const PEER_YELLOW: Colour = { rgb: '#FFD400' };

/**
 * The peers' design (../shared/peers/README.md): red ground, the slogan in two centred white lines
 * of Noto Sans SC Black at size S, line pitch 1.2 S, baseline 0.88 S below each line top; the
 * poster adds the hotline in yellow at S/4, 0.25 S below.
 */
export function peerDesign(kind: 'poster' | 'banner'): Scene {
  const [w, h, S] = kind === 'poster' ? [420, 594, 54] : [6000, 700, 286.36];
  const base = scene({
    name: `peer-${kind}`,
    widthMm: w,
    heightMm: h,
    bleedMm: 3,
    dpi: kind === 'poster' ? 300 : 150,
    colourMode: 'rgb',
  });
  const lines = ['白菜青菜油麦菜', '莫给骗子当韭菜'];
  const hotline = kind === 'poster';
  const block = 1.2 * S * (lines.length - 1) + S + (hotline ? 0.25 * S + S / 4 : 0);
  const top = (h - block) / 2;
  const black = face(900);
  const items: SceneItem[] = [background(base, PEER_RED)];
  const centred = (text: string, size: number, baseline: number, fill: Colour): SceneItem => {
    const probe = textRun(text, { x: 0, y: baseline, sizeMm: size, face: black, fill });
    return textRun(text, { x: (w - runWidth(probe)) / 2, y: baseline, sizeMm: size, face: black, fill });
  };
  lines.forEach((l, i) => items.push(centred(l, S, top + i * 1.2 * S + 0.88 * S, WHITE)));
  if (hotline)
    items.push(centred('全国反诈专线 96110', S / 4, top + 1.2 * S + S + 0.25 * S + 0.88 * (S / 4), PEER_YELLOW));
  return { ...base, items };
}

/**
 * Every kind of shape the raster writer draws: ground, rounded and stroked rectangles, an ellipse,
 * a line, a gradient, outlined text and plain text, on a small page (mm) so tests stay fast.
 */
export function mixedScene(widthMm = 120, heightMm = 80, over: Partial<Scene> = {}): Scene {
  const base = scene({ name: 'mixed', widthMm, heightMm, bleedMm: 3, dpi: 300, colourMode: 'rgb', ...over });
  const u = Math.min(widthMm, heightMm) / 80;
  const items: SceneItem[] = [
    background(base, RED),
    {
      kind: 'gradient',
      elementId: 'grad',
      x: 0,
      y: heightMm * 0.6,
      w: widthMm,
      h: heightMm * 0.4,
      x1: 0,
      y1: heightMm * 0.6,
      x2: widthMm,
      y2: heightMm,
      stops: [
        { offset: 0, colour: BLUE },
        { offset: 1, colour: YELLOW },
      ],
    },
    {
      kind: 'rect',
      elementId: 'box',
      x: 5 * u,
      y: 5 * u,
      w: 30 * u,
      h: 20 * u,
      r: 4 * u,
      fill: WHITE,
      stroke: { colour: BLUE, widthMm: 1.2 * u },
    },
    {
      kind: 'ellipse',
      elementId: 'dot',
      cx: widthMm - 20 * u,
      cy: 18 * u,
      rx: 14 * u,
      ry: 9 * u,
      fill: YELLOW,
      stroke: { colour: WHITE, widthMm: 0.8 * u },
    },
    {
      kind: 'line',
      elementId: 'rule',
      x1: 3 * u,
      y1: 33 * u,
      x2: widthMm - 3 * u,
      y2: 36 * u,
      stroke: { colour: WHITE, widthMm: 0.5 * u },
    },
    textRun('白菜青菜油麦菜', {
      x: 6 * u,
      y: 48 * u,
      sizeMm: 13 * u,
      face: face(900),
      fill: YELLOW,
      stroke: { colour: WHITE, widthMm: 1 * u },
    }),
    textRun('莫给骗子当韭菜 96110', { x: 8 * u, y: 60 * u, sizeMm: 7 * u, fill: WHITE, spacingMm: 0.5 * u }),
  ];
  return { ...base, items };
}

/** A long banner, simple enough to render quickly: ground and one line of big glyphs. */
export function simpleBanner(widthMm = 6000, heightMm = 700): Scene {
  const base = scene({ name: 'banner', widthMm, heightMm, bleedMm: 0, dpi: 150, colourMode: 'rgb' });
  const size = heightMm * 0.6;
  const text = '白菜青菜油麦菜莫给骗子当韭菜';
  const run = textRun(text, { x: 0, y: 0, sizeMm: size, face: face(900), fill: WHITE });
  const x = (widthMm - runWidth(run)) / 2;
  return {
    ...base,
    items: [
      background(base, RED),
      textRun(text, { x, y: heightMm * 0.5 + size * 0.38, sizeMm: size, face: face(900), fill: WHITE }),
    ],
  };
}
