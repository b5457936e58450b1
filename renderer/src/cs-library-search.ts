import { LitElement, css, html, svg } from 'lit';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  placeholder: {
    zh: '搜索标题、标语、标签、单位、地点、备注（如：鱼、刷单）',
    en: 'Search titles, slogans, tags, units, places, notes (e.g. 鱼, 刷单)',
  },
  label: { zh: '搜索素材库', en: 'Search the library' },
});

/** How long typing pauses before a search goes out (a search costs ~10 ms; results follow the typing). */
export const SEARCH_DEBOUNCE_MS = 120;

/**
 * The search box: fires `search-input` {text} a moment after the user stops typing (and at once
 * on Enter or when cleared). Chinese input methods: nothing is sent while a composition is open.
 */
export class CsLibrarySearch extends LitElement {
  static override properties = { value: { type: String } };
  value = '';
  private readonly i18n = new LocaleController(this);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private composing = false;

  static override styles = [
    controls,
    css`
      :host { display: block; flex: 1; min-width: 240px; }
      .box { position: relative; }
      input[type='search'] {
        width: 100%; border: 1px solid var(--cs-border); border-radius: 8px; padding: 9px 12px 9px 36px; background: #fff; font-size: 15px;
      }
      .icon { position: absolute; left: 12px; top: 50%; transform: translateY(-50%); color: var(--cs-muted); pointer-events: none; }
    `,
  ];

  override focus() {
    (this.renderRoot.querySelector('input') as HTMLInputElement | null)?.focus();
  }

  private send(text: string, now = false) {
    clearTimeout(this.timer);
    const go = () => fire(this, 'search-input', { text });
    if (now) go();
    else this.timer = setTimeout(go, SEARCH_DEBOUNCE_MS);
  }

  private onInput(e: Event) {
    this.value = (e.target as HTMLInputElement).value;
    if (!this.composing) this.send(this.value, this.value === '');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    return html`<div class="box" role="search">
      <svg class="icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">${svg`<circle cx="6.5" cy="6.5" r="5" fill="none" stroke="currentColor" stroke-width="2"></circle><line x1="10.3" y1="10.3" x2="15" y2="15" stroke="currentColor" stroke-width="2" stroke-linecap="round"></line>`}</svg>
      <input type="search" aria-label=${t('label')} placeholder=${t('placeholder')} .value=${this.value} maxlength="200"
        @input=${this.onInput}
        @compositionstart=${() => (this.composing = true)}
        @compositionend=${(e: Event) => {
          this.composing = false;
          this.onInput(e);
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !this.composing) this.send(this.value, true);
        }}>
    </div>`;
  }
}
customElements.define('cs-library-search', CsLibrarySearch);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-search': CsLibrarySearch;
  }
}
