import { LitElement, css, html } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';

const t = defineMessages({
  label: {
    zh: '修改文字：Ctrl+Enter 或点到别处完成，Esc 放弃',
    en: 'Edit the text: Ctrl+Enter or click elsewhere when done, Esc to cancel',
  },
});

/**
 * A text edited in place on the canvas: a field over the text's box, at its size, turned as it
 * is. Fires `text-commit` {elementId, text} once — with the new words on Ctrl+Enter or when the
 * focus leaves, with the old ones on Escape.
 */
export class CsTextEdit extends LitElement {
  static override properties = {
    elementId: { attribute: false },
    text: { attribute: false },
    sizePx: { attribute: false },
    align: { attribute: false },
    vertical: { attribute: false },
  };
  elementId = '';
  text = '';
  sizePx = 16;
  align: 'left' | 'center' | 'right' = 'center';
  vertical = false;
  private done = false;
  private readonly i18n = new LocaleController(this);

  static override styles = css`
    :host { position: absolute; display: block; z-index: 5; }
    textarea {
      width: 100%; height: 100%; box-sizing: border-box; resize: none; margin: 0; padding: 2px;
      border: 2px solid var(--cs-focus); border-radius: 2px; background: rgba(255, 255, 255, 0.92);
      color: #1b2430; font-family: var(--cs-font); line-height: 1.25; outline: none; overflow: auto;
    }
    textarea.v { writing-mode: vertical-rl; }
  `;

  override firstUpdated() {
    const f = this.renderRoot.querySelector('textarea');
    f?.focus();
    f?.select();
  }

  private finish(text: string) {
    if (this.done) return;
    this.done = true;
    fire(this, 'text-commit', { elementId: this.elementId, text });
  }

  private key(e: KeyboardEvent) {
    e.stopPropagation();
    if (e.key === 'Escape') this.finish(this.text);
    else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.finish((e.target as HTMLTextAreaElement).value);
  }

  override render() {
    const size = Math.max(10, Math.min(this.sizePx, 400));
    return html`<textarea class=${this.vertical ? 'v' : ''} aria-label=${t('label')} .value=${this.text}
      @keydown=${this.key} @blur=${(e: Event) => this.finish((e.target as HTMLTextAreaElement).value)}
      @pointerdown=${(e: Event) => e.stopPropagation()} ${textStyle(size, this.align)}></textarea>`;
  }
}

/** Font size and alignment through the CSSOM (the CSP forbids style attributes). */
class TextStyle extends Directive {
  render(_size: number, _align: string) {
    return '';
  }
  override update(part: ElementPart, [size, align]: [number, string]) {
    const s = (part.element as HTMLElement).style;
    s.fontSize = `${size}px`;
    s.textAlign = align;
    return '';
  }
}
const textStyle = directive(TextStyle);

customElements.define('cs-text-edit', CsTextEdit);

declare global {
  interface HTMLElementTagNameMap {
    'cs-text-edit': CsTextEdit;
  }
}
