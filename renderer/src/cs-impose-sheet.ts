import { LitElement, css, html, svg } from 'lit';
import type { ImposePreview } from '../../main/core/api-kit.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  caption: { zh: '第 1 张的排法（{w}×{h} mm）', en: 'Sheet 1 as laid out ({w}×{h} mm)' },
});

const BOX_W = 380;
const BOX_H = 460;

/** One colour per design, so the sheet shows where each goes. */
export const PIECE_COLOURS = ['#0b3d91', '#c8102e', '#1b7f3b', '#b35c00', '#6b3fa0', '#0e7c86', '#a0376b', '#5b6675'];

/** The first sheet of an imposition plan drawn to scale: the sheet, its border, every piece's trim. */
export class CsImposeSheet extends LitElement {
  static override properties = { preview: { attribute: false } };
  preview: ImposePreview | null = null;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      figure { margin: 0; }
      svg { display: block; margin: 0 auto; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
      figcaption { margin-top: 6px; }
    `,
  ];

  override render() {
    const p = this.preview;
    if (!p) return '';
    const { sheetWidthMm: w, sheetHeightMm: h } = p;
    // Fitted into a box of BOX_W × BOX_H pixels, its proportions kept (no letterboxing).
    const k = Math.min(BOX_W / w, BOX_H / h);
    return html`<figure>
      <svg viewBox="0 0 ${w} ${h}" width=${Math.round(w * k)} height=${Math.round(h * k)} role="img" aria-label=${t('caption', { w, h })}>
        ${p.first.map((pc) => {
          const it = p.items[pc.item]!;
          const colour = PIECE_COLOURS[pc.item % PIECE_COLOURS.length]!;
          return it.round
            ? svg`<ellipse cx=${pc.x + it.widthMm / 2} cy=${pc.y + it.heightMm / 2} rx=${it.widthMm / 2} ry=${it.heightMm / 2} fill=${colour} fill-opacity="0.18" stroke=${colour} stroke-width="0.6"/>`
            : svg`<rect x=${pc.x} y=${pc.y} width=${it.widthMm} height=${it.heightMm} fill=${colour} fill-opacity="0.18" stroke=${colour} stroke-width="0.6"/>`;
        })}
      </svg>
      <figcaption class="muted">${t('caption', { w, h })}</figcaption>
    </figure>`;
  }
}
customElements.define('cs-impose-sheet', CsImposeSheet);

declare global {
  interface HTMLElementTagNameMap {
    'cs-impose-sheet': CsImposeSheet;
  }
}
