import { LitElement, css, html, nothing } from 'lit';
import { dialogStyles } from './dialog-styles.js';
import { controls } from './shared-styles.js';

/** A question the studio asks in its own dialog (not the browser's 确定/取消 box). */
export interface Ask {
  title: string;
  message: string;
  /** The buttons, left to right; the last is the default. `cancel` is what Esc and closing answer. */
  actions: { id: string; label: string; secondary?: boolean }[];
  cancel: string;
  /** A text field (a name), given first. */
  field?: { label: string; value: string };
}

export interface Answer {
  action: string;
  value: string;
}

/**
 * The studio's own question box: 保存 / 不保存 / 取消 before leaving a design, a name before saving.
 * `ask()` resolves with the button chosen and the field's value.
 */
export class CsAskDialog extends LitElement {
  static override properties = { q: { state: true } };
  q: Ask | null = null;
  private settle: ((a: Answer) => void) | undefined;

  static override styles = [
    controls,
    dialogStyles,
    css`
      .body { padding: 20px 24px 6px; }
      .body p { margin: 0 0 12px; }
      .actions { display: flex; gap: 10px; justify-content: flex-end; padding: 10px 24px 20px; }
    `,
  ];

  async ask(q: Ask): Promise<Answer> {
    this.settle?.({ action: this.q?.cancel ?? '', value: '' });
    this.q = q;
    await this.updateComplete;
    const d = this.renderRoot.querySelector('dialog')!;
    if (!d.open) d.showModal();
    const input = this.renderRoot.querySelector('input');
    if (input) {
      input.value = q.field?.value ?? '';
      input.select();
    } else this.renderRoot.querySelector<HTMLButtonElement>('.actions button:last-child')?.focus();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private answer(action: string) {
    const value = this.renderRoot.querySelector('input')?.value.trim() ?? '';
    this.renderRoot.querySelector('dialog')?.close();
    const settle = this.settle;
    this.settle = undefined;
    this.q = null;
    settle?.({ action, value });
  }

  override render() {
    const q = this.q;
    return html`<dialog aria-labelledby="ask-h" aria-describedby="ask-m" @cancel=${(e: Event) => {
      e.preventDefault();
      if (q) this.answer(q.cancel);
    }}>
      ${
        q
          ? html`<header id="ask-h">${q.title}</header>
            <form class="body" @submit=${(e: Event) => {
              e.preventDefault();
              this.answer(q.actions.at(-1)!.id);
            }}>
              <p id="ask-m">${q.message}</p>
              ${q.field ? html`<label for="ask-field">${q.field.label}</label><input id="ask-field" type="text" name="ask-field" maxlength="200" required>` : nothing}
            </form>
            <div class="actions">
              ${q.actions.map(
                (a, i) => html`<button type="button" class="${a.secondary ? 'secondary' : ''} ask-${a.id}"
                @click=${() => (i === q.actions.length - 1 && q.field && !this.renderRoot.querySelector('input')?.value.trim() ? undefined : this.answer(a.id))}>${a.label}</button>`,
              )}
            </div>`
          : nothing
      }
    </dialog>`;
  }
}
customElements.define('cs-ask-dialog', CsAskDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cs-ask-dialog': CsAskDialog;
  }
}
