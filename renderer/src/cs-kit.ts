import { LitElement, css, html } from 'lit';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { screenHead } from './kit-styles.js';
import './cs-kit-market.js';
import './cs-kit-grid.js';

const t = defineMessages({
  title: { zh: '活动套装', en: 'Event kits' },
  intro: {
    zh: '一次做完一场活动的全部物料：反诈小铺一个市场的全套印刷品，或一周发到各网格群的图片和消息。',
    en: "A whole event's material in one run: a market's print set for the anti-fraud stall, or a week of images and messages for the grid groups.",
  },
  market: { zh: '反诈小铺套装', en: 'Market stall kit' },
  grid: { zh: '网格群宣防包', en: 'Grid-group kit' },
  kinds: { zh: '套装类型', en: 'Kit' },
});

type Tab = 'market' | 'grid';

/** The kit screen: the market kit or the grid-group kit, one at a time (each keeps its work while the other shows). */
export class CsKit extends LitElement {
  static override properties = { tab: { state: true } };
  tab: Tab = 'market';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    screenHead,
    css`
      [role='tablist'] { display: flex; gap: 6px; margin-bottom: 16px; border-bottom: 2px solid var(--cs-border); }
      [role='tab'] { background: transparent; color: var(--cs-blue); border: none; border-bottom: 3px solid transparent; border-radius: 0; margin-bottom: -2px; font-weight: 600; }
      [role='tab']:hover { background: #eef3fb; }
      [role='tab'][aria-selected='true'] { border-bottom-color: var(--cs-red); color: var(--cs-text); }
      [hidden] { display: none !important; }
    `,
  ];

  private tabButton(tab: Tab) {
    return html`<button type="button" role="tab" id="tab-${tab}" data-kit=${tab} aria-controls="panel-${tab}"
      aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? 0 : -1}
      @click=${() => (this.tab = tab)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          this.tab = this.tab === 'market' ? 'grid' : 'market';
          void this.updateComplete.then(() =>
            this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${this.tab}`)?.focus(),
          );
        }
      }}>${t(tab)}</button>`;
  }

  override render() {
    return html`
      <h1>${t('title')}</h1>
      <p class="intro muted">${t('intro')}</p>
      <div role="tablist" aria-label=${t('kinds')}>${this.tabButton('market')}${this.tabButton('grid')}</div>
      <div role="tabpanel" id="panel-market" aria-labelledby="tab-market" ?hidden=${this.tab !== 'market'}><cs-kit-market></cs-kit-market></div>
      <div role="tabpanel" id="panel-grid" aria-labelledby="tab-grid" ?hidden=${this.tab !== 'grid'}><cs-kit-grid></cs-kit-grid></div>
    `;
  }
}
customElements.define('cs-kit', CsKit);

declare global {
  interface HTMLElementTagNameMap {
    'cs-kit': CsKit;
  }
}
