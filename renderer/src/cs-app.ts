import { LitElement, css, html } from 'lit';
import type { Design } from '../../main/core/index.js';
import type { TemplateSummary } from '../../main/core/api.js';
import { call, errorMessage } from './data/api-client.js';
import { controls } from './shared-styles.js';
import './cs-gallery.js';
import './cs-editor.js';

/** The studio: header, then the gallery or the editor of one design. */
export class CsApp extends LitElement {
  static override properties = {
    templates: { state: true },
    design: { state: true },
    error: { state: true },
    loading: { state: true },
  };
  templates: TemplateSummary[] = [];
  design: Design | null = null;
  error = '';
  loading = true;

  static override styles = [
    controls,
    css`
      :host { display: flex; flex-direction: column; min-height: 100vh; }
      header {
        background: var(--cs-blue); color: #fff; padding: 14px 32px;
        display: flex; align-items: center; gap: 20px; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
      }
      header h1 { font-size: 20px; margin: 0; letter-spacing: 0.08em; }
      header .badge { background: var(--cs-red); border-radius: 4px; padding: 2px 8px; font-size: 13px; font-weight: 700; }
      header .spacer { flex: 1; }
      header button { background: transparent; border-color: rgba(255, 255, 255, 0.7); }
      header button:hover { background: rgba(255, 255, 255, 0.12); }
      main { flex: 1; padding: 28px 32px; }
      .hotline { font-size: 14px; opacity: 0.9; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.templates = await call('listTemplates', {});
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.loading = false;
    }
  }

  private async open(e: CustomEvent<{ id: string }>) {
    this.error = '';
    try {
      this.design = await call('getTemplate', { id: e.detail.id });
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  override render() {
    return html`
      <header>
        <span class="badge" aria-hidden="true">反诈</span>
        <h1>反诈物料工作室</h1>
        ${this.design
          ? html`<button type="button" @click=${() => (this.design = null)}>← 返回模板库</button>`
          : ''}
        <span class="spacer"></span>
        <span class="hotline">全国反诈专线 96110</span>
      </header>
      <main>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${this.loading
          ? html`<p class="muted">正在载入模板…</p>`
          : this.design
            ? html`<cs-editor .design=${this.design}></cs-editor>`
            : html`<cs-gallery .templates=${this.templates} @template-open=${this.open}></cs-gallery>`}
      </main>
    `;
  }
}
customElements.define('cs-app', CsApp);
