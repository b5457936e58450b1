import { LitElement, css, html } from 'lit';
import type { BatchRowPreview } from '../../main/core/api-batch.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  row: { zh: '第 {n} 行', en: 'Row {n}' },
  ok: { zh: '可以生成', en: 'Ready' },
  bad: { zh: '将失败', en: 'Will fail' },
  alt: { zh: '第 {n} 行的预览', en: 'Preview of row {n}' },
  loading: { zh: '正在生成预览…', en: 'Rendering previews…' },
});

/**
 * The first rows as the batch will make them: the engine's SVG as <img> of a blob: URL (never
 * inserted as markup), each labelled with its data-row number; a row that will fail says why.
 */
export class CsBatchPreviews extends LitElement {
  static override properties = {
    previews: { attribute: false },
    loading: { attribute: false },
    landscape: { attribute: false },
  };
  previews: BatchRowPreview[] = [];
  loading = false;
  /** Wide formats (banners) get one preview per line. */
  landscape = true;
  private urls: string[] = [];
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
      ul.portrait { grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); }
      li { border: 1px solid var(--cs-border); border-radius: 8px; background: #fff; overflow: hidden; }
      li.bad { border-color: var(--cs-red); }
      .head { display: flex; justify-content: space-between; align-items: center; padding: 6px 10px; background: #f8fafc; font-size: 13px; font-weight: 600; }
      .tag { font-size: 12px; border-radius: 10px; padding: 1px 8px; color: #fff; background: var(--cs-ok); font-weight: 600; }
      li.bad .tag { background: var(--cs-red); }
      .stage { background: #e9edf3; padding: 10px; display: flex; justify-content: center; }
      img { max-width: 100%; max-height: 240px; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
      .problem { color: var(--cs-red); font-size: 13px; padding: 6px 10px; margin: 0; }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('previews')) return;
    this.revoke();
    this.urls = this.previews.map((p) =>
      p.svg ? URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' })) : '',
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.revoke();
  }

  private revoke() {
    for (const u of this.urls) if (u) URL.revokeObjectURL(u);
    this.urls = [];
  }

  override render() {
    if (this.loading && !this.previews.length) return html`<p class="muted" aria-live="polite">${t('loading')}</p>`;
    return html`
      <ul class=${this.landscape ? '' : 'portrait'} aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.previews.map(
          (p, k) => html`
          <li class=${p.problem ? 'bad' : ''} data-row=${p.row}>
            <div class="head"><span>${t('row', { n: p.row })}</span><span class="tag">${p.problem ? t('bad') : t('ok')}</span></div>
            ${this.urls[k] ? html`<div class="stage"><img src=${this.urls[k]} alt=${t('alt', { n: p.row })}></div>` : ''}
            ${p.problem ? html`<p class="problem">${p.problem}</p>` : ''}
          </li>`,
        )}
      </ul>
    `;
  }
}
customElements.define('cs-batch-previews', CsBatchPreviews);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-previews': CsBatchPreviews;
  }
}
