import { LitElement, css, html, nothing } from 'lit';
import type { PreflightFinding, PreflightReport } from '../../main/core/preflight.js';
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
  fix: { zh: '点一条即可选中它并跳到要改的地方。', en: 'Click one to select it and go to the field that fixes it.' },
});

/**
 * Preflight findings, each naming its element as the user knows it (core design/names.ts) and
 * selecting it when clicked. `only` narrows the list to some codes (the export dialog's samples),
 * with its own heading. Fires `finding-select` {elementId, code}.
 */
export class CsPreflightList extends LitElement {
  static override properties = {
    report: { attribute: false },
    names: { attribute: false },
    only: { attribute: false },
    heading: { attribute: false },
  };
  report: PreflightReport | null = null;
  names: ReadonlyMap<string, string> = new Map();
  only: readonly PreflightFinding['code'][] | null = null;
  heading = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
      li button { width: 100%; text-align: left; background: #fff; color: var(--cs-text); border-color: var(--cs-border); display: flex; gap: 10px; align-items: baseline; padding: 6px 10px; }
      li button:hover { background: #f5f8fd; }
      .sev { font-size: 12px; font-weight: 700; border-radius: 4px; padding: 1px 8px; color: #fff; white-space: nowrap; }
      .sev.error { background: var(--cs-red); }
      .sev.warning { background: var(--cs-warn); }
      .sev.info { background: var(--cs-muted); }
      .el { color: var(--cs-blue); font-weight: 600; white-space: nowrap; }
      .ok { color: var(--cs-ok); font-weight: 600; }
      p { margin: 0 0 8px; }
    `,
  ];

  override render() {
    const r = this.report;
    const findings = r?.findings.filter((f) => !this.only || this.only.includes(f.code)) ?? [];
    if (this.only && !findings.length) return nothing;
    return html`
      <h2>${this.heading || t('heading')}</h2>
      ${
        !r
          ? html`<p class="muted">${t('checking')}</p>`
          : !findings.length
            ? html`<p class="ok">${t('ok')}</p>`
            : html`<p class="muted">${t('fix')}</p><ul>
              ${findings.map(
                (f) => html`<li><button type="button" class="finding" data-element=${f.elementId} data-code=${f.code}
                    @click=${() => fire(this, 'finding-select', { elementId: f.elementId, code: f.code })}>
                  <span class="sev ${f.severity}">${t(f.severity)}</span>
                  <span class="el">${this.names.get(f.elementId) ?? ''}</span>
                  <span>${f.message}</span>
                </button></li>`,
              )}
            </ul>`
      }
    `;
  }
}
customElements.define('cs-preflight-list', CsPreflightList);

declare global {
  interface HTMLElementTagNameMap {
    'cs-preflight-list': CsPreflightList;
  }
}
