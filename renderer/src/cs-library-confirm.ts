import { LitElement, css, html } from 'lit';
import { defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({ cancel: { zh: '取消', en: 'Cancel' } });

/** A modal question for what cannot be undone (彻底删除): `await el.ask(title, text, label)` → true when confirmed. */
export class CsLibraryConfirm extends LitElement {
  static override properties = { heading: { state: true }, text: { state: true }, label: { state: true } };
  heading = '';
  text = '';
  label = '';
  private resolve: ((ok: boolean) => void) | undefined;

  static override styles = [
    controls,
    css`
      dialog { border: none; border-radius: 12px; padding: 0; width: min(460px, 92vw); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); }
      dialog::backdrop { background: rgba(8, 20, 45, 0.45); }
      header { background: var(--cs-red); color: #fff; padding: 12px 20px; font-weight: 700; }
      p { padding: 16px 20px 0; margin: 0; white-space: pre-line; }
      .actions { display: flex; gap: 12px; justify-content: flex-end; padding: 20px; }
      button.danger { background: var(--cs-red); border-color: var(--cs-red); }
    `,
  ];

  async ask(heading: string, text: string, label: string): Promise<boolean> {
    this.heading = heading;
    this.text = text;
    this.label = label;
    await this.updateComplete;
    const d = this.renderRoot.querySelector('dialog')!;
    d.showModal();
    (this.renderRoot.querySelector('button.keep') as HTMLButtonElement).focus();
    return new Promise((ok) => (this.resolve = ok));
  }

  private done(ok: boolean) {
    this.renderRoot.querySelector('dialog')?.close();
    this.resolve?.(ok);
    this.resolve = undefined;
  }

  override render() {
    return html`<dialog aria-labelledby="c-h" aria-describedby="c-t" @cancel=${(e: Event) => {
      e.preventDefault();
      this.done(false);
    }}>
      <header id="c-h">${this.heading}</header>
      <p id="c-t">${this.text}</p>
      <div class="actions">
        <button type="button" class="secondary keep" @click=${() => this.done(false)}>${t('cancel')}</button>
        <button type="button" class="danger confirm" @click=${() => this.done(true)}>${this.label}</button>
      </div>
    </dialog>`;
  }
}
customElements.define('cs-library-confirm', CsLibraryConfirm);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-confirm': CsLibraryConfirm;
  }
}
