import { html, nothing } from 'lit';
import type { PreviewGeometry } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { elementBox, findElement } from '../../main/core/design/edit.js';
import type { Rect } from '../../main/core/design/geometry.js';
import { boxTurn } from './data/canvas-math.js';
import type { Handle } from './data/gestures.js';
import { lockIcon } from './icons.js';
import { place } from './place.js';
import './cs-text-edit.js';

const HANDLES: Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** What the overlay is drawn from: the canvas's state and its mm → px mapping. */
export interface OverlayHost {
  readonly design: StudioDesign | undefined;
  readonly selected: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  readonly geometry: ReadonlyMap<string, PreviewGeometry>;
  readonly scale: number;
  readonly trim: { w: number; h: number; bleed: number; safe: number };
  readonly showBleed: boolean;
  readonly showSafe: boolean;
  readonly hoverId: string;
  readonly cropId: string;
  editingId: string;
  readonly stageNode: HTMLElement | null;
  px(r: Rect): Rect;
}

/**
 * Drawn over the canvas's layers from the design's numbers: the trim, bleed and safe-area guides,
 * the hovered element, the selection with its handles (eight to resize, one to rotate), the layers
 * for smart guides and the marquee (filled during a drag), and the in-place text editor.
 */
export function canvasOverlay(h: OverlayHost, text: { crop: string; rotate: string }) {
  const { w, h: ht, safe, bleed } = h.trim;
  const design = h.design;
  if (!design) return nothing;
  const hov = h.hoverId && !h.selected.includes(h.hoverId) ? findElement(design, h.hoverId) : undefined;
  const hovBox = hov && h.px(elementBox(hov));
  const one = h.selected.length === 1;
  return html`
    <div class="g trim" ${place(h.px({ x: 0, y: 0, w, h: ht }))}></div>
    ${h.showBleed && bleed > 0 ? html`<div class="g bleed" data-guide="bleed" ${place(h.px({ x: -bleed, y: -bleed, w: w + 2 * bleed, h: ht + 2 * bleed }))}></div>` : nothing}
    ${h.showSafe && safe > 0 ? html`<div class="g safe" data-guide="safe" ${place(h.px({ x: safe, y: safe, w: w - 2 * safe, h: ht - 2 * safe }))}></div>` : nothing}
    ${hov && hovBox ? html`<div class="g hover" ${place(hovBox, { transform: boxTurn(hovBox, hov.type === 'line' ? 0 : hov.rotation) })}></div>` : nothing}
    ${h.selected.map((id) => {
      const el = findElement(design, id);
      if (!el) return nothing;
      const r = h.px(elementBox(el));
      const live = one && !el.locked && !h.cropId && !h.editingId;
      return html`<div class="sel ${el.locked ? 'locked' : ''} ${h.cropId === id ? 'crop' : ''}" data-sel=${id} data-selected=${id} ${place(r, { transform: boxTurn(r, el.type === 'line' ? 0 : el.rotation) })}>
        ${one ? html`<span class="sel-tag">${el.locked ? lockIcon : nothing}${h.names.get(id) ?? id}${h.cropId === id ? ` · ${text.crop}` : ''}</span>` : nothing}
        ${live ? HANDLES.map((hd) => html`<span class="h h-${hd}" data-h=${hd}></span>`) : nothing}
        ${live && el.type !== 'line' ? html`<span class="rot" title=${text.rotate}></span>` : nothing}
      </div>`;
    })}
    <div class="guides"></div>
    <div class="marquee" hidden></div>
    ${h.editingId ? textEditor(h, design) : nothing}
  `;
}

function textEditor(h: OverlayHost, design: StudioDesign) {
  const el = findElement(design, h.editingId);
  if (el?.type !== 'text') return nothing;
  const r = h.px(elementBox(el));
  const size = (h.geometry.get(el.id)?.sizeMm ?? el.box.h / 3) * h.scale;
  return html`<cs-text-edit .elementId=${el.id} .text=${el.text} .sizePx=${size} .align=${el.align} .vertical=${el.writing === 'vertical'}
    ${place(r, { transform: boxTurn(r, el.rotation) })}
    @text-commit=${(e: CustomEvent<{ text: string }>) => {
      h.editingId = '';
      if (e.detail.text === el.text) e.stopPropagation();
      h.stageNode?.focus({ preventScroll: true });
    }}></cs-text-edit>`;
}
