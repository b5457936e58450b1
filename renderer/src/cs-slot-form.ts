import { LitElement, css, html } from 'lit';
import type { Design } from '../../main/core/index.js';
import { slotsOf } from '../../main/core/design/design.js';
import { controls } from './shared-styles.js';

/** The design's named slots as labelled fields. Fires `slot-input` {elementId, value}. */
export class CsSlotForm extends LitElement {
  static override properties = { design: { attribute: false }, selected: { state: true } };
  design!: Design;
  selected = '';

  static override styles = [
    controls,
    css`
      .field { margin-bottom: 16px; padding: 8px; margin-left: -8px; margin-right: -8px; border-radius: 8px; }
      .field.selected { background: #fff5d6; }
      .hint { margin-top: 4px; }
    `,
  ];

  /** Focus the field of an element (a preflight finding was clicked); false if it has none. */
  focusSlot(elementId: string): boolean {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-element="${CSS.escape(elementId)}"]`);
    this.selected = elementId;
    if (!field) return false;
    field.focus();
    field.scrollIntoView({ block: 'nearest' });
    return true;
  }

  private emit(elementId: string, value: string) {
    this.dispatchEvent(new CustomEvent('slot-input', { detail: { elementId, value }, bubbles: true, composed: true }));
  }

  override render() {
    const slots = slotsOf(this.design);
    return html`
      <form class="panel" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="slots-h">
        <h2 id="slots-h">内容</h2>
        ${slots.length === 0 ? html`<p class="muted">此模板没有可填写的槽位。</p>` : ''}
        ${slots.map((s) => {
          const el = this.design.elements.find((e) => e.id === s.elementId)!;
          const id = `slot-${s.elementId}`;
          const cls = `field${this.selected === s.elementId ? ' selected' : ''}`;
          const onInput = (e: Event) => this.emit(s.elementId, (e.target as HTMLInputElement).value);
          if (el.type === 'text') {
            const long = s.name === 'slogan' || el.text.length > 24 || el.text.includes('\n');
            return html`<div class=${cls}>
              <label for=${id}>${s.label}</label>
              ${long
                ? html`<textarea id=${id} name=${s.name} data-element=${s.elementId} rows="2" .value=${el.text} @input=${onInput}></textarea>`
                : html`<input id=${id} type="text" name=${s.name} data-element=${s.elementId} .value=${el.text} @input=${onInput}>`}
            </div>`;
          }
          if (el.type === 'qr') {
            return html`<div class=${cls}>
              <label for=${id}>${s.label}（二维码内容）</label>
              <input id=${id} type="text" name=${s.name} data-element=${s.elementId} .value=${el.content} @input=${onInput} aria-describedby="${id}-hint">
              <div class="hint muted" id="${id}-hint">网址或文字，扫码后显示的内容。</div>
            </div>`;
          }
          return html`<div class=${cls}>
            <label for=${id}>${s.label}（图片）</label>
            <p class="muted" id=${id} tabindex="-1" data-element=${s.elementId}>图片槽位：此版本暂不能在界面中更换图片。</p>
          </div>`;
        })}
      </form>
    `;
  }
}
customElements.define('cs-slot-form', CsSlotForm);
