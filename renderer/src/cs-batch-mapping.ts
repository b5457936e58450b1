import { LitElement, css, html } from 'lit';
import type { BatchMapping } from '../../main/core/batch.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  keep: { zh: '不填（保留模板文字）', en: "Don't fill (keep the template's text)" },
  qr: { zh: '二维码内容', en: 'QR content' },
  image: { zh: '图片文件路径', en: 'image file path' },
  unused: { zh: '未使用的列：{list}（可用于文件名）', en: 'Columns not used: {list} (usable in file names)' },
  allUsed: { zh: '表格的每一列都已用上。', en: 'Every column of the table is used.' },
  none: {
    zh: '还没有一列对应到模板的槽位：请至少为「标语」选一列。',
    en: 'No column fills a slot yet: choose at least a column for 标语.',
  },
});

/** Slot → column, one select per slot. Fires `mapping-change` {slot, column|null}. */
export class CsBatchMapping extends LitElement {
  static override properties = { mapping: { attribute: false }, columns: { attribute: false } };
  mapping: BatchMapping | null = null;
  columns: string[] = [];
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px 18px; }
      label { font-size: 14px; margin-bottom: 4px; }
      .kind { font-weight: normal; color: var(--cs-muted); font-size: 12px; margin-left: 4px; }
      select.keep { color: var(--cs-muted); }
      .foot { margin-top: 10px; }
      .warn { color: var(--cs-warn); font-weight: 600; }
    `,
  ];

  private change(slot: string, e: Event) {
    const v = (e.target as HTMLSelectElement).value;
    fire(this, 'mapping-change', { slot, column: v === '' ? null : v });
  }

  override render() {
    const m = this.mapping;
    if (!m) return '';
    const taken = new Set(m.slots.map((s) => s.column));
    const unused = this.columns.filter((c) => !taken.has(c));
    return html`
      <div class="grid">
        ${m.slots.map(
          (s) => html`
          <div>
            <label for="slot-${s.slot}">${s.label}${s.type !== 'text' ? html`<span class="kind">（${t(s.type === 'qr' ? 'qr' : 'image')}）</span>` : ''}</label>
            <select id="slot-${s.slot}" name="slot-${s.slot}" class=${s.column === null ? 'keep' : ''} @change=${(e: Event) => this.change(s.slot, e)}>
              <option value="" ?selected=${s.column === null}>${t('keep')}</option>
              ${this.columns.map((c) => html`<option value=${c} ?selected=${s.column === c}>${c}</option>`)}
            </select>
          </div>`,
        )}
      </div>
      <p class="foot ${m.slots.every((s) => s.column === null) ? 'warn' : 'muted'}">
        ${m.slots.every((s) => s.column === null) ? t('none') : unused.length ? t('unused', { list: unused.join('、') }) : t('allUsed')}
      </p>
    `;
  }
}
customElements.define('cs-batch-mapping', CsBatchMapping);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-mapping': CsBatchMapping;
  }
}
