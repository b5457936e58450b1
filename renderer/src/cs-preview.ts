import { LitElement, css, html } from 'lit';
import { controls } from './shared-styles.js';

/**
 * The engine's own SVG, shown as an image. Never inserted as markup: an SVG in <img> runs no
 * scripts and loads nothing, whatever it holds. Fires `preview-load` when a new one is on screen.
 */
export class CsPreview extends LitElement {
  static override properties = {
    svg: { attribute: false },
    widthMm: { attribute: false },
    heightMm: { attribute: false },
    url: { state: true },
  };
  svg = '';
  widthMm = 0;
  heightMm = 0;
  url = '';

  static override styles = [
    controls,
    css`
      .stage {
        background: repeating-conic-gradient(#e4e8ee 0 25%, #f4f6f9 0 50%) 0 0 / 20px 20px;
        border-radius: 8px; padding: 24px; display: flex; align-items: center; justify-content: center; min-height: 220px;
      }
      img { max-width: 100%; max-height: 70vh; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25); background: #fff; }
      .caption { margin-top: 8px; }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('svg')) {
      if (this.url) URL.revokeObjectURL(this.url);
      this.url = this.svg ? URL.createObjectURL(new Blob([this.svg], { type: 'image/svg+xml' })) : '';
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = '';
  }

  private loaded() {
    this.dispatchEvent(new CustomEvent('preview-load', { bubbles: true, composed: true }));
  }

  override render() {
    const m = (mm: number) => (mm >= 1000 ? `${(mm / 1000).toFixed(mm % 1000 ? 2 : 0)} 米` : `${Math.round(mm / 10)} 厘米`);
    return html`
      <section class="panel" aria-labelledby="pv-h">
        <h2 id="pv-h">实时预览</h2>
        <div class="stage">
          ${this.url
            ? html`<img src=${this.url} alt="设计预览（${m(this.widthMm)} × ${m(this.heightMm)}）" @load=${this.loaded}>`
            : html`<p class="muted">正在生成预览…</p>`}
        </div>
        <div class="caption muted">成品尺寸 ${m(this.widthMm)} × ${m(this.heightMm)}</div>
      </section>
    `;
  }
}
customElements.define('cs-preview', CsPreview);
