import { LitElement, css, html } from 'lit';
import type { PreflightReport } from '../../main/core/index.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
  heading: { zh: '印前检查', en: 'Preflight' },
  checking: { zh: '正在检查…', en: 'Checking…' },
  ok: { zh: '未发现问题，可以导出。', en: 'No problems found: ready to export.' },
});

/** The preflight findings; each names its element and selects it when clicked. Fires `finding-select` {elementId}. */
export class CsPreflightList extends LitElement {
  static override properties = { report: { attribute: false }, design: { attribute: false } };
  report: PreflightReport | null = null;
  design: StudioDesign | null = null;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
      li button { width: 100%; text-align: left; background: #fff; color: var(--cs-text); border-color: var(--cs-border); display: flex; gap: 12px; align-items: baseline; }
      li button:hover { background: #f5f8fd; }
      .sev { font-size: 12px; font-weight: 700; border-radius: 4px; padding: 1px 8px; color: #fff; white-space: nowrap; }
      .sev.error { background: var(--cs-red); }
      .sev.warning { background: var(--cs-warn); }
      .sev.info { background: var(--cs-muted); }
      .el { color: var(--cs-blue); font-weight: 600; white-space: nowrap; }
      .ok { color: var(--cs-ok); font-weight: 600; }
    `,
  ];

  private nameOf(elementId: string): string {
    const el = this.design?.elements.find((e) => e.id === elementId);
    return el?.label ?? el?.slot ?? elementId;
  }

  override render() {
    const r = this.report;
    return html`
      <section class="panel" aria-labelledby="pf-h">
        <h2 id="pf-h">${t('heading')}</h2>
        ${
          !r
            ? html`<p class="muted">${t('checking')}</p>`
            : r.findings.length === 0
              ? html`<p class="ok">${t('ok')}</p>`
              : html`<ul>
                ${r.findings.map(
                  (f) => html`<li><button type="button" class="finding" data-element=${f.elementId} data-code=${f.code}
                      @click=${() => fire(this, 'finding-select', { elementId: f.elementId })}>
                    <span class="sev ${f.severity}">${t(f.severity)}</span>
                    <span class="el">${this.nameOf(f.elementId)}</span>
                    <span>${f.message}</span>
                  </button></li>`,
                )}
              </ul>`
        }
      </section>
    `;
  }
}
customElements.define('cs-preflight-list', CsPreflightList);

declare global {
  interface HTMLElementTagNameMap {
    'cs-preflight-list': CsPreflightList;
  }
}
