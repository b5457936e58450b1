import { LitElement, css, html, svg } from 'lit';
import type { ImposePreview } from '../../main/core/api-kit.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  caption: { zh: '第 1 张的排法（{w}×{h} mm）', en: 'Sheet 1 as laid out ({w}×{h} mm)' },
  top: {
    zh: '粗线标出物料的上边；转 90° 排的件上边朝右。',
    en: "The thick line marks a piece's top; a piece turned 90° has its top on the right.",
  },
});

const BOX_W = 380;
const BOX_H = 460;

/** One colour per design, so the sheet shows where each goes. */
export const PIECE_COLOURS = ['#0b3d91', '#c8102e', '#1b7f3b', '#b35c00', '#6b3fa0', '#0e7c86', '#a0376b', '#5b6675'];

/**
 * The first sheet of an imposition plan drawn to scale: every piece's trim as it lies (a turned
 * one as wide as it is tall), with a thick line on the piece's top edge so a turned one shows it.
 */
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
          const [pw, ph] = pc.rotated ? [it.heightMm, it.widthMm] : [it.widthMm, it.heightMm];
          // A piece's top edge (its middle half; round pieces go without): along the
          // top, or down the right side when turned.
          const q = Math.min(pw, ph) / 4;
          const [x1, y1, x2, y2] = pc.rotated
            ? [pc.x + pw, pc.y + q, pc.x + pw, pc.y + ph - q]
            : [pc.x + q, pc.y, pc.x + pw - q, pc.y];
          const top = svg`<line class="top" x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke=${colour} stroke-width="2"/>`;
          const way = pc.rotated ? 'turned' : 'upright';
          if (it.round)
            return svg`<ellipse class=${way} cx=${pc.x + pw / 2} cy=${pc.y + ph / 2} rx=${pw / 2} ry=${ph / 2} fill=${colour} fill-opacity="0.18" stroke=${colour} stroke-width="0.6"/>`;
          return svg`<rect class=${way} x=${pc.x} y=${pc.y} width=${pw} height=${ph} fill=${colour} fill-opacity="0.18" stroke=${colour} stroke-width="0.6"/>${top}`;
        })}
      </svg>
      <figcaption class="muted">${t('caption', { w, h })}<br />${t('top')}</figcaption>
    </figure>`;
  }
}
customElements.define('cs-impose-sheet', CsImposeSheet);

declare global {
  interface HTMLElementTagNameMap {
    'cs-impose-sheet': CsImposeSheet;
  }
}
