import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { errorMessage } from './data/api-client.js';
import { illustrationSrc, searchIllustrations, type Illustration } from './data/illustrations.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  search: { zh: '搜索插图', en: 'Search pictures' },
  placeholder: { zh: '输入中文，如：鱼、菜、鸡、手机、盾牌', en: 'Type in Chinese, e.g. 鱼, 菜, 鸡, 手机, 盾牌' },
  none: {
    zh: '没有找到「{q}」的插图，换个词试试（如：鱼、青菜、警察）。',
    en: 'No pictures for “{q}”: try another word (e.g. 鱼, 青菜, 警察).',
  },
  count: { zh: '{n} 张插图', en: '{n} pictures' },
});

/**
 * The offline illustration set, searchable in Chinese (the main side matches names, keywords and
 * goods words: 鱼 finds fish, 鲫鱼 too). Fires `illustration-pick` {id, name}.
 */
export class CsIllustrationPicker extends LitElement {
  static override properties = { items: { state: true }, query: { state: true }, error: { state: true } };
  items: Illustration[] = [];
  query = '';
  error = '';
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 10px 0 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(76px, 1fr)); gap: 6px; max-height: 320px; overflow: auto; }
      li button { width: 100%; min-height: 0; padding: 6px 2px 4px; background: #fff; color: var(--cs-text); border-color: var(--cs-border); display: flex; flex-direction: column; align-items: center; gap: 2px; font-size: 12px; }
      li button:hover { background: #eef3fb; }
      li img { width: 40px; height: 40px; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load('');
  }

  /** Focus the search field. */
  override focus() {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private async load(q: string) {
    const seq = ++this.seq;
    try {
      const items = await searchIllustrations(q);
      if (seq === this.seq) [this.items, this.error] = [items, ''];
    } catch (e) {
      if (seq === this.seq) this.error = errorMessage(e);
    }
  }

  private input(e: Event) {
    this.query = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(this.query), 120);
  }

  override render() {
    return html`<label for="ill-q">${t('search')}</label>
      <input id="ill-q" type="text" name="illustration-search" placeholder=${t('placeholder')} .value=${this.query} @input=${this.input} autocomplete="off">
      <div class="muted" aria-live="polite">${this.items.length ? t('count', { n: this.items.length }) : this.query ? t('none', { q: this.query }) : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ul>${repeat(
        this.items,
        (it) => it.id,
        (it) => html`<li><button type="button" data-illustration=${it.id} title=${it.keywords.join('、')}
        @click=${() => fire(this, 'illustration-pick', { id: it.id, name: it.name })}><img src=${illustrationSrc(it)} alt="">${it.name}</button></li>`,
      )}</ul>`;
  }
}
customElements.define('cs-illustration-picker', CsIllustrationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'cs-illustration-picker': CsIllustrationPicker;
  }
}
