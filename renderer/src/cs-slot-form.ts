import { LitElement, css, html } from 'lit';
import type { StudioDesign } from '../../main/core/design/design.js';
import { slotsOf } from '../../main/core/design/slots.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import './cs-image-field.js';

const t = defineMessages({
  title: { zh: '内容', en: 'Content' },
  none: { zh: '此模板没有可填写的槽位。', en: 'This template has no fields to fill in.' },
  qr: { zh: '{label}（二维码内容）', en: '{label} (QR code content)' },
  qrHint: { zh: '网址或文字，扫码后显示的内容。', en: 'A web address or text, shown when the code is scanned.' },
  image: { zh: '{label}（图片）', en: '{label} (image)' },
});

/**
 * The design's named slots as labelled fields. Text and QR fields fire `slot-input`
 * {elementId, value}; image slots (cs-image-field) fire `design-change` {design, label}.
 */
export class CsSlotForm extends LitElement {
  static override properties = { design: { attribute: false }, selected: { state: true } };
  design!: StudioDesign;
  selected = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      .field { margin-bottom: 16px; padding: 8px; margin-left: -8px; margin-right: -8px; border-radius: 8px; }
      .field.selected { background: #fff5d6; }
      .hint { margin-top: 4px; }
      .label { display: block; font-weight: 600; margin-bottom: 6px; }
    `,
  ];

  /** Focus the field of an element (a preflight finding was clicked); false if it has none. */
  focusSlot(elementId: string): boolean {
    const field = this.renderRoot.querySelector<HTMLElement>(`[data-element="${CSS.escape(elementId)}"]`);
    this.selected = elementId;
    if (!field) return false;
    field.focus();
    field.scrollIntoView({ block: 'nearest' });
    return true;
  }

  private emit(elementId: string, value: string) {
    fire(this, 'slot-input', { elementId, value });
  }

  override render() {
    const slots = slotsOf(this.design);
    return html`
      <form class="panel" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="slots-h">
        <h2 id="slots-h">${t('title')}</h2>
        ${slots.length === 0 ? html`<p class="muted">${t('none')}</p>` : ''}
        ${slots.map((s) => {
          const el = this.design.elements.find((e) => e.id === s.elementId)!;
          const id = `slot-${s.elementId}`;
          const cls = `field${this.selected === s.elementId ? ' selected' : ''}`;
          const onInput = (e: Event) => this.emit(s.elementId, (e.target as HTMLInputElement).value);
          if (el.type === 'text') {
            const long = s.name === 'slogan' || el.text.length > 24 || el.text.includes('\n');
            return html`<div class=${cls}>
              <label for=${id}>${s.label}</label>
              ${
                long
                  ? html`<textarea id=${id} name=${s.name} data-element=${s.elementId} rows="2" .value=${el.text} @input=${onInput}></textarea>`
                  : html`<input id=${id} type="text" name=${s.name} data-element=${s.elementId} .value=${el.text} @input=${onInput}>`
              }
            </div>`;
          }
          if (el.type === 'qr') {
            return html`<div class=${cls}>
              <label for=${id}>${t('qr', { label: s.label })}</label>
              <input id=${id} type="text" name=${s.name} data-element=${s.elementId} .value=${el.content} @input=${onInput} aria-describedby="${id}-hint">
              <div class="hint muted" id="${id}-hint">${t('qrHint')}</div>
            </div>`;
          }
          if (el.type === 'image') {
            return html`<div class=${cls} role="group" aria-labelledby="${id}-l">
              <span class="label" id="${id}-l">${t('image', { label: s.label })}</span>
              <cs-image-field id=${id} data-element=${s.elementId} data-slot=${s.name} .design=${this.design} .elementId=${s.elementId} .label=${s.label}></cs-image-field>
            </div>`;
          }
          return '';
        })}
      </form>
    `;
  }
}
customElements.define('cs-slot-form', CsSlotForm);

declare global {
  interface HTMLElementTagNameMap {
    'cs-slot-form': CsSlotForm;
  }
}
