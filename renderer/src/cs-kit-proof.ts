import { LitElement, css, html } from 'lit';
import { call } from './data/api-client.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  noProfile: {
    zh: '还没有填写「本单位信息」：物料上会留着模板示例（××），不能交印。请先填写；只想看样稿时勾选下面一项。',
    en: "Your unit's details are not filled in: the pieces would keep the template's samples (××) and cannot go to print. Fill them in first, or tick the proof option.",
  },
  proof: { zh: '只出样稿（允许模板示例内容）', en: 'Proof only (allow template samples)' },
});

/** When the unit's details are not saved yet: says so, and offers a proof run. Fires `proof-change` {proof}. */
export class CsKitProof extends LitElement {
  static override properties = { saved: { state: true }, proof: { state: true } };
  saved = true;
  proof = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .warn { color: var(--cs-warn); margin: 8px 0 0; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 6px 0 0; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void call('getProfile', {})
      .then((p) => (this.saved = p.saved))
      .catch(() => undefined);
  }

  override render() {
    if (this.saved) return '';
    return html`<p class="warn" role="note">${t('noProfile')}</p>
      <label class="check"><input type="checkbox" name="proof" .checked=${this.proof} @change=${(e: Event) => {
        this.proof = (e.target as HTMLInputElement).checked;
        fire(this, 'proof-change', { proof: this.proof });
      }}>${t('proof')}</label>`;
  }
}
customElements.define('cs-kit-proof', CsKitProof);

declare global {
  interface HTMLElementTagNameMap {
    'cs-kit-proof': CsKitProof;
  }
}
