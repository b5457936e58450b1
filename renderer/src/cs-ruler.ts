import { LitElement, css, html } from 'lit';
import { rulerStep } from './data/canvas-math.js';

/**
 * A ruler in millimetres along the top or left of the canvas, drawn on a canvas element: ticks
 * and labels follow the zoom and the scroll (`origin` is where 0 mm lies, in px from the ruler's
 * start). Decorative for assistive technology: positions are in the style panel's fields.
 */
export class CsRuler extends LitElement {
  static override properties = {
    vertical: { type: Boolean },
    scale: { attribute: false },
    origin: { attribute: false },
  };
  vertical = false;
  /** px per mm. */
  scale = 1;
  origin = 0;
  private resize: ResizeObserver | undefined;

  static override styles = css`
    :host { display: block; overflow: hidden; background: #f7f8fb; }
    canvas { display: block; width: 100%; height: 100%; }
  `;

  override connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.draw());
    this.resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  override updated() {
    this.draw();
  }

  private draw() {
    const c = this.renderRoot.querySelector('canvas');
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = this.clientWidth;
    const h = this.clientHeight;
    if (!w || !h) return;
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(dpr, dpr);
    g.clearRect(0, 0, w, h);
    g.fillStyle = '#5b6675';
    g.strokeStyle = '#9aa5b4';
    g.font = '10px system-ui, sans-serif';
    g.lineWidth = 1;
    const len = this.vertical ? h : w;
    const thick = this.vertical ? w : h;
    const step = rulerStep(this.scale);
    const minor = step / 5;
    const first = Math.floor(-this.origin / this.scale / minor) * minor;
    g.beginPath();
    for (let mm = first; mm * this.scale + this.origin <= len; mm += minor) {
      const at = Math.round(mm * this.scale + this.origin) + 0.5;
      const major = Math.abs(mm / step - Math.round(mm / step)) < 1e-6;
      const tick = major ? thick : thick * 0.35;
      if (this.vertical) {
        g.moveTo(thick - tick, at);
        g.lineTo(thick, at);
      } else {
        g.moveTo(at, thick - tick);
        g.lineTo(at, thick);
      }
      if (major) {
        const text = String(Math.round(mm));
        if (this.vertical) {
          g.save();
          g.translate(9, at + 3);
          g.rotate(-Math.PI / 2);
          g.fillText(text, 0, 0);
          g.restore();
        } else g.fillText(text, at + 3, 10);
      }
    }
    g.stroke();
  }

  override render() {
    return html`<canvas aria-hidden="true"></canvas>`;
  }
}
customElements.define('cs-ruler', CsRuler);

declare global {
  interface HTMLElementTagNameMap {
    'cs-ruler': CsRuler;
  }
}
